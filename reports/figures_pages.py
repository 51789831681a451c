"""The figures pages of the members, the Entry Pass and the consultation desk (moving here
from their apps: work in progress)."""
