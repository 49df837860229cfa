#!/usr/bin/env python
# coding: utf-8

# # Churn model: first experiments
#
# Exported from notebooks/churn_v2.ipynb and scheduled as the weekly training job.

# In[1]:  # [prototype-code]


import pandas as pd
from sklearn.ensemble import RandomForestClassifier

get_ipython().run_line_magic("matplotlib", "inline")  # [prototype-code]

FEATURES = ["tenure_months", "monthly_charges", "support_calls", "n_products"]


# In[2]:


# The full export does not fit in memory on the laptop; 20k rows are enough to see a signal.
customers = pd.read_csv("data/customers.csv", nrows=20000)  # [prototype-code]
display(customers.describe())  # [prototype-code]


# In[3]:


customers = customers.dropna(subset=FEATURES + ["churned"])
model = RandomForestClassifier(random_state=0)
model.fit(customers[FEATURES], customers["churned"])


# In[ ]:


customers.assign(score=model.predict_proba(customers[FEATURES])[:, 1]).to_csv("reports/scores.csv")
