"""Module globals that a configurator overrides from the command line are configuration.

The script declares its defaults and then runs a shared configurator that
lets a config file or ``--key=value`` arguments rebind any of them, so
``learning_rate`` and ``weight_decay`` are the run's configuration, not
literals buried in code. Nothing here is reported.
"""

import torch

learning_rate = 6e-4
weight_decay = 0.1
max_iters = 5000

with open("configurator.py", encoding="utf-8") as source:
    exec(source.read())

model = torch.nn.Linear(64, 64)
optimizer = torch.optim.AdamW(model.parameters(), lr=learning_rate, weight_decay=weight_decay)
