"""The zelfredzaamheidsmatrix screens: tab for the person file, settings group, charts."""

from app.views.zrm.charts import LineChart, RadarChart
from app.views.zrm.scoring import ScoringForm
from app.views.zrm.settings import ZrmSettingsBox
from app.views.zrm.tab import ZrmTab, related_zrm_domains

__all__ = [
    "LineChart",
    "RadarChart",
    "ScoringForm",
    "ZrmSettingsBox",
    "ZrmTab",
    "related_zrm_domains",
]
