"""Word reports: .docx read with python-docx; legacy .doc/.wps refused unless a converter is installed."""
