"""The print view's stylesheet, shared by the benchmark and profile pages."""

# Static CSS (no user text): printing hides the app chrome and every widget, leaving the report in one column.
PRINT_CSS = """<style>
@media print {
  [data-testid="stSidebar"], [data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
  [data-testid="stStatusWidget"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
  [data-testid="stRadio"], [data-testid="stCheckbox"], [data-testid="stSelectbox"], [data-testid="stButton"],
  [data-testid="stDownloadButton"], [data-testid="stFileUploader"], [data-testid="stTextInput"],
  [data-testid="stNumberInput"], [data-testid="stExpander"] { display: none !important; }
  [data-testid="stMainBlockContainer"], .block-container { max-width: 100% !important; padding: 0 1cm !important; }
  [data-testid="stMain"] { overflow: visible !important; }
  table { page-break-inside: auto; font-size: 10pt; } tr { page-break-inside: avoid; }
  body { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
</style>"""
