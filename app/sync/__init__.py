"""The client sync engine and the wire protocol it shares with the central store (no Qt).

Wire (shared with app.server): `codes`, `protocol`, `envelope`. Client: `transport` (HTTP),
`link` (vault, identity, transport), `enrolment`, `membership` (teams, devices, keys),
`engine` (push, pull, apply; `fetch_page`/`apply_page`), `apply` (merge into the vault),
`conflicts`, and `service.SyncService`, the facade the GUI and the CLI use.
"""
