"""The central store service (issue 6). No Qt."""
