"""The churn model's feature lists, shared by training, evaluation and serving."""

NUMERIC_FEATURES = ["tenure_months", "monthly_charges", "charges_per_month", "support_calls_90d"]
FLAG_FEATURES = ["is_annual_contract", "has_fiber"]
FEATURES = NUMERIC_FEATURES + FLAG_FEATURES
TARGET = "churned"
