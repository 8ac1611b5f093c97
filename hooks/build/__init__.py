"""How the project is built and set up, apart from any page: the Python lock and the venv
(lock.py). Nothing here is a MkDocs hook; the adapters in hooks/*_hook.py call into packages."""
