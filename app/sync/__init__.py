"""Client sync engine and transport (issue 6). No Qt."""
