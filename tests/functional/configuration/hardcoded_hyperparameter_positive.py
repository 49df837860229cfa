"""Hardcoded hyperparameters in a house-price modelling script.

Model settings are typed into the constructor calls, scattered across the
file and the functions that build candidate models. Nobody can tell which run
used which values, and tuning means editing code (Sculley et al. 2015,
section 6). A constructor call (or ``set_params``) given numeric literals for
hyperparameter keywords is flagged once, from the first of them to the last,
naming all of them, also when the estimator is imported under an alias. The keywords that are not
hyperparameters (``random_state``, ``n_jobs``, ``verbose``) and string values
are left alone.
"""

import lightgbm as lgb
import pandas as pd
import xgboost as xgb
from catboost import CatBoostRegressor
from sklearn import linear_model, svm
from sklearn.decomposition import PCA
from sklearn.ensemble import RandomForestRegressor as RFR
from sklearn.model_selection import train_test_split
from sklearn.neighbors import KNeighborsRegressor
from sklearn.neural_network import MLPRegressor

SEED = 2024
FEATURES = ["sqft", "bedrooms", "bathrooms", "year_built", "lot_size", "distance_to_center_km"]

sales = pd.read_csv("data/house_sales.csv")
X_train, X_valid, y_train, y_valid = train_test_split(
    sales[FEATURES], sales["price"], test_size=0.2, random_state=SEED
)

# Module-level baseline, straight out of the exploration notebook.
forest = RFR(
    n_estimators=400,  # [hardcoded-hyperparameter]
    max_depth=18,
    max_features="sqrt",
    random_state=SEED,
    n_jobs=-1,
)
forest.fit(X_train, y_train)


def build_boosters() -> dict:
    booster = xgb.XGBRegressor(
        learning_rate=0.05,  # [hardcoded-hyperparameter]
        subsample=0.8,
        objective="reg:squarederror",
        random_state=SEED,
    )
    light = lgb.LGBMRegressor(
        num_leaves=63,  # [hardcoded-hyperparameter]
        max_depth=7,
        random_state=SEED,
        verbose=-1,
    )
    cat = CatBoostRegressor(iterations=1500, loss_function="RMSE", random_seed=SEED, verbose=False)  # [hardcoded-hyperparameter]
    return {"xgboost": booster, "lightgbm": light, "catboost": cat}


def build_linear_models() -> dict:
    enet = linear_model.ElasticNet(
        alpha=0.05,  # [hardcoded-hyperparameter]
        random_state=SEED,
    )
    svr = svm.SVR(kernel="rbf", C=10.0)  # [hardcoded-hyperparameter]
    return {"elastic_net": enet, "svr": svr}


def build_neural_and_neighbours() -> dict:
    mlp = MLPRegressor(
        hidden_layer_sizes=(128, 64),  # [hardcoded-hyperparameter]
        early_stopping=True,
        random_state=SEED,
    )
    knn = KNeighborsRegressor(n_neighbors=15, weights="distance")  # [hardcoded-hyperparameter]
    reducer = PCA(n_components=0.95, svd_solver="full")  # [hardcoded-hyperparameter]
    return {"mlp": mlp, "knn": knn, "pca": reducer}


def retune_forest(model: RFR) -> RFR:
    # After the first offline evaluation somebody doubled the trees by hand.
    model.set_params(n_estimators=800)  # [hardcoded-hyperparameter]
    return model.fit(X_train, y_train)
