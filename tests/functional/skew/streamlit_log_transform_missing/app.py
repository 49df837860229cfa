"""A Streamlit page for loan officers: the whole module serves predictions.

The income slider goes to the model as is, while the model was trained on
its logarithm: the skew is reported where the app builds the feature row.
"""

import pandas as pd
import skops.io as sio
import streamlit as st

TRUSTED_TYPES = ["sklearn.linear_model._logistic.LogisticRegression"]

model = sio.load("models/loan_default.skops", trusted=TRUSTED_TYPES)

st.title("Loan default risk")
applicant = {
    "income": st.number_input("Yearly income"),
    "loan_amount": st.number_input("Loan amount"),
    "age": st.slider("Age", 18, 90),
}
if st.button("Score"):
    row = pd.DataFrame([applicant])
    risk = model.predict_proba(row)[0, 1]  # [train-serve-skew]
    st.metric("Default risk", f"{risk:.0%}")
