"""Family 6: data leakage and evaluation (Yang et al. 2022; Zhang et al. Z#21, Z#22).

The rules read the module's data provenance (``mldebt.analysis.dataflow``)
and judge its events; none of them walks the code itself.
"""
