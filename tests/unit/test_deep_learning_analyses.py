"""The analyses behind the deep-learning rules: loop bodies, autograd modes, probabilities."""

import textwrap

import astroid
import pytest
from astroid import nodes

from mldebt.analysis.autograd import clears_gradients, gradients_disabled, wants_gradients
from mldebt.analysis.loops import innermost_loop, loop_calls
from mldebt.analysis.tensor_ops import is_log_call, probability_origin


def _call(source: str, text: str) -> nodes.Call:
    module = astroid.parse(textwrap.dedent(source))
    return next(call for call in module.nodes_of_class(nodes.Call) if call.as_string() == text)


def test_loop_calls_skip_the_bodies_of_functions_defined_in_the_loop():
    module = astroid.parse(
        textwrap.dedent(
            """
            for batch in loader:
                def closure():
                    optimizer.zero_grad()
                optimizer.step(closure)
            else:
                report()
            """
        )
    )
    loop = module.body[0]
    assert [call.as_string() for call in loop_calls(loop)] == ["optimizer.step(closure)"]


def test_innermost_loop_stops_at_the_function_boundary():
    source = """
        for epoch in range(3):
            def step():
                return compute()
            for batch in loader:
                train(batch)
        """
    assert innermost_loop(_call(source, "compute()")) is None
    loop = innermost_loop(_call(source, "train(batch)"))
    assert loop is not None and loop.target.as_string() == "batch"
    assert innermost_loop(loop).target.as_string() == "epoch"


@pytest.mark.parametrize(
    ("source", "disabled"),
    [
        ("import torch\nwith torch.no_grad():\n    model(x)", True),
        ("import torch\nwith torch.inference_mode(False):\n    model(x)", False),
        ("import torch\nwith torch.set_grad_enabled(False):\n    model(x)", True),
        ("import torch\nwith torch.set_grad_enabled(training):\n    model(x)", False),
        ("import torch\n@torch.no_grad()\ndef predict(x):\n    return model(x)", True),
        ("import torch\n@torch.inference_mode\ndef predict(x):\n    return model(x)", True),
        ("import torch\nwith torch.no_grad():\n    def predict(x):\n        return model(x)", False),
        ("import torch\ntorch.set_grad_enabled(False)\ndef predict(x):\n    return model(x)", True),
        ("import torch\ntorch.no_grad()\nmodel(x)", False),
        ("import torch\nmodel(x)", False),
    ],
)
def test_gradients_disabled(source, disabled):
    assert gradients_disabled(_call(source, "model(x)")) is disabled


@pytest.mark.parametrize(
    ("statement", "clears"),
    [
        ("optimizer.zero_grad(set_to_none=True)", True),
        ("model.zero_grad()", True),
        ("p.grad = None", True),
        ("p.grad.zero_()", True),
        ("p.grad.data.zero_()", True),
        ("buffer.zero_()", False),
        ("optimizer.step()", False),
    ],
)
def test_clears_gradients(statement, clears):
    module = astroid.parse(statement)
    assert any(clears_gradients(node) for node in module.nodes_of_class((nodes.Call, nodes.AssignAttr))) is clears


def test_wants_gradients_sees_backward_and_autograd_grad():
    module = astroid.parse("import torch\ndef attack(x):\n    return torch.autograd.grad(loss(x), x)")
    assert wants_gradients(module.body[1])
    assert not wants_gradients(astroid.parse("def predict(x):\n    return model(x)").body[0])


@pytest.mark.parametrize(
    ("source", "log", "origin"),
    [
        ("import torch\np = torch.sigmoid(z)\ntorch.log(1 - p)", "torch.log(1 - p)", "torch.sigmoid(z)"),
        ("import numpy as np\np = clf.predict_proba(X)[:, 1]\nnp.log(p)", "np.log(p)", "clf.predict_proba(X)"),
        ("import torch\nprobs = z.softmax(dim=1)\nprobs.log()", "probs.log()", "z.softmax(dim=1)"),
        ("import torch\np = torch.sigmoid(z).clamp(min=1e-7)\ntorch.log(p)", "torch.log(p)", None),
        ("import torch\np = torch.sigmoid(z)\ntorch.log(p + 0.001)", "torch.log(p + 0.001)", None),
        ("import torch\ntorch.log(prices)", "torch.log(prices)", None),
        ("import math\nmath.log(2)", "math.log(2)", None),
    ],
)
def test_probability_origin_of_a_log(source, log, origin):
    call = _call(source, log)
    argument = is_log_call(call)
    assert argument is not None
    found = probability_origin(argument)
    assert (found.as_string() if found is not None else None) == origin
