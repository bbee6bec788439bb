"""Key hierarchy, vault header and AEAD envelopes. No Qt, no database."""
