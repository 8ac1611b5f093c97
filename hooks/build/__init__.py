"""How the site is built, apart from what any one page says.
- lock.py: the Python lock and the venv (`make venv`, `make lock`).
- common.py: repository paths, languages, SourceError (a problem an author must fix), where_is.
- strict_yaml.py, escape.py: reading YAML strictly; escaping every value for where it lands.
- memo.py, buildlock.py: results kept by content across builds; one build at a time per checkout.
- store.py: a folder of results kept by content, each checked against its hash when read.
- devserve.py, dependencies.py: `make serve`, which rebuilds only what an edit touches.
- vendor.py: the JavaScript libraries copied from the npm lock into the theme.
- release.py: `make release`, which refuses to build without the site's real address.
"""
