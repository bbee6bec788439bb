"""SQLCipher engine, in-process Alembic migration and backup. No Qt."""
