"""ReportLab builders: fiches, exports, reports. No Qt."""
