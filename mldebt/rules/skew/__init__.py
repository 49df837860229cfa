"""Family 5: train/serve skew, between the training code and the code that serves predictions.

MLD501 and MLD504 compare the serving module being linted with the training
modules of its project (``mldebt.project``); MLD502 and MLD503 judge one
module.
"""
