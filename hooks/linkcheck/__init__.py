"""The link guard: every link of the built site resolves, both languages match, and every URL we
ever published still leads somewhere (data/published-urls.txt).

CLI (python -m hooks.linkcheck …):
  check SITE_DIR [--site-url URL]        check a built site, offline (the build runs this too)
  contract update [--site DIR]           add the site's new URLs to data/published-urls.txt
  contract check [--site DIR]            exit 1 when the contract is out of date
  external [SITE_DIR]                    check links to other sites (network; cached)
"""
