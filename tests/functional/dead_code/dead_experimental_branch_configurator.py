"""Flags whose defaults a configurator overrides at run time are live switches.

The training script declares its defaults as module globals and then runs a
shared configurator that reads ``--key=value`` arguments and config files
into ``globals()``. ``use_amp`` and ``eval_only`` look constant to a reader of
this file alone, but the command line sets them. Nothing here is reported.
"""

import sys

import torch

batch_size = 32
learning_rate = 3e-4
use_amp = False
eval_only = False

for argument in sys.argv[1:]:
    key, _, value = argument.lstrip("-").partition("=")
    globals().update({key: type(globals()[key])(value)})

model = torch.nn.Linear(16, 2)
scaler = torch.cuda.amp.GradScaler(enabled=use_amp)

if eval_only:
    model.eval()
else:
    optimizer = torch.optim.AdamW(model.parameters(), lr=learning_rate)

if use_amp:
    model = model.half()
