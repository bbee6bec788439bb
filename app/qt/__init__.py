"""Non-widget Qt plumbing: task runner, i18n, fonts, idle/suspend/clipboard watchers."""
