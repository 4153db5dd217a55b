"""`python -m iom` runs the command line."""

from iom.cli import main

main()
