"""The Rapporten page's parts: charts, table models and the dialogs that record countable data
(follow-up results, structural signals, ESF+ participant data)."""
