"""The project's settings module: its constants are where hyperparameters belong. Nothing here is reported."""

LEARNING_RATE = 3e-4
EPOCHS = 25
BATCH_SIZE = 64
BOOSTER_PARAMS = {"eta": 0.05, "max_depth": 6, "subsample": 0.8, "objective": "binary:logistic"}
