"""Build the bundled corpus into the default index: ``python build_index.py [qa build options]``.

A thin entry point over ``qa build corpus --index index/default``; extra arguments pass through.
"""

import sys

from qa.cli import main

if __name__ == "__main__":
    sys.exit(main(["build", "corpus", *sys.argv[1:]]))
