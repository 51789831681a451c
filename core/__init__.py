"""What every app shares, with no page models (CONVENTIONS.md: core/)."""
