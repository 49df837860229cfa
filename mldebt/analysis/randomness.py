"""Which random number generators a module draws from, which it seeds, and whether it trains when run.

Shared by the reproducibility rules (MLD403-405). Frameworks are named
``numpy``, ``torch`` and ``tensorflow``; scikit-learn and imbalanced-learn
without a ``random_state`` draw from numpy's global generator, so seeding
numpy makes them reproducible too.
"""

from __future__ import annotations

import dataclasses

from astroid import nodes

from mldebt.analysis.apis import LAYER_MODULES, TRAINING_METHODS
from mldebt.analysis.names import call_name
from mldebt.analysis.tree_index import descendants

FRAMEWORKS = ("numpy", "torch", "tensorflow")

# Calls that seed a framework's global generator.
FRAMEWORK_SEEDERS = {
    "numpy.random.seed": "numpy",
    "torch.manual_seed": "torch",
    "torch.random.manual_seed": "torch",
    "tensorflow.random.set_seed": "tensorflow",
    "tensorflow.set_random_seed": "tensorflow",
    "tensorflow.compat.v1.set_random_seed": "tensorflow",
    "tensorflow.compat.v1.random.set_random_seed": "tensorflow",
}
# Calls that seed every framework there is (Python, numpy, torch, TensorFlow as installed).
UNIVERSAL_SEEDERS = frozenset(
    {
        "pytorch_lightning.seed_everything", "pytorch_lightning.utilities.seed.seed_everything",
        "lightning.seed_everything", "lightning.pytorch.seed_everything", "lightning.fabric.seed_everything",
        "lightning_fabric.utilities.seed.seed_everything", "transformers.set_seed",
        "transformers.trainer_utils.set_seed", "transformers.enable_full_determinism", "accelerate.utils.set_seed",
        "keras.utils.set_random_seed", "tensorflow.keras.utils.set_random_seed",
    }
)
# Trainers that seed everything themselves (TrainingArguments.seed defaults to 42).
SELF_SEEDING_TRAINERS = frozenset(
    {
        "transformers.Trainer", "transformers.Seq2SeqTrainer", "transformers.TrainingArguments",
        "transformers.Seq2SeqTrainingArguments", "trl.SFTTrainer", "trl.DPOTrainer",
    }
)
# Libraries whose own ``*seed*`` functions seed no generator a training run draws from.
_NOT_SEEDERS = ("numpy.", "torch.", "tensorflow.", "keras.", "random.", "sklearn.", "jax.")

# numpy.random functions that do not draw from the global generator.
_NUMPY_NOT_DRAWING = frozenset(
    {"seed", "get_state", "set_state", "default_rng", "RandomState", "Generator", "SeedSequence", "BitGenerator",
     "PCG64", "PCG64DXSM", "MT19937", "Philox", "SFC64"}
)
NUMPY_GENERATORS = frozenset({"numpy.random.default_rng", "numpy.random.RandomState"})
TORCH_RANDOM_FUNCTIONS = frozenset(
    f"torch.{name}"
    for name in ("rand", "randn", "randint", "randperm", "rand_like", "randn_like", "randint_like", "normal",
                 "bernoulli", "multinomial", "poisson")
)
# torch.nn layers whose weights start random, and dropout.
TORCH_RANDOM_LAYERS = frozenset(
    {"Linear", "Bilinear", "Conv1d", "Conv2d", "Conv3d", "ConvTranspose1d", "ConvTranspose2d", "ConvTranspose3d",
     "LSTM", "GRU", "RNN", "LSTMCell", "GRUCell", "Embedding", "EmbeddingBag", "MultiheadAttention",
     "Transformer", "TransformerEncoderLayer", "TransformerDecoderLayer", "Dropout", "Dropout2d", "Dropout3d"}
)
_TORCH_INIT_NOT_DRAWING = frozenset({"calculate_gain", "constant_", "zeros_", "ones_", "eye_", "dirac_"})
# Keras layers whose weights start random, and dropout.
KERAS_RANDOM_LAYERS = frozenset(
    {"Dense", "Conv1D", "Conv2D", "Conv3D", "Conv2DTranspose", "SeparableConv2D", "LSTM", "GRU", "SimpleRNN",
     "Embedding", "MultiHeadAttention", "Dropout", "SpatialDropout1D", "SpatialDropout2D", "GaussianNoise"}
)
_TENSORFLOW_NOT_DRAWING = frozenset({"set_seed", "Generator", "get_global_generator", "set_global_generator"})
DETERMINISM_SWITCHES = frozenset({"torch.use_deterministic_algorithms", "transformers.enable_full_determinism"})


@dataclasses.dataclass(frozen=True)
class Randomness:
    """What the module does with random numbers (every node in source order)."""

    seeded: frozenset[str]
    # framework -> the calls that draw from its global generator
    draws: dict[str, tuple[nodes.Call, ...]]
    # ``default_rng()`` / ``RandomState()`` without a seed: generators no global seed fixes
    unseeded_generators: tuple[nodes.Call, ...]
    trains_when_run: bool
    # ``loss.backward()`` calls of a module that imports torch
    torch_steps: tuple[nodes.Call, ...]
    deterministic: bool


def randomness(module: nodes.Module) -> Randomness:
    seeded: set[str] = set()
    draws: dict[str, list[nodes.Call]] = {framework: [] for framework in FRAMEWORKS}
    generators, steps = [], []
    deterministic = False
    imports_torch = _imports(module, "torch")
    training: list[nodes.Call] = []
    for call in descendants(module, nodes.Call):
        name = call_name(call)
        if isinstance(call.func, nodes.Attribute) and call.func.attrname in TRAINING_METHODS | {"backward"}:
            training.append(call)
        if name == "numpy.random.set_state":
            seeded.add("numpy")  # restores a saved, hence fixed, state
        seeding = _seeds(call, name)
        if seeding:
            seeded.update(seeding)
            # `init_seeds(seed, deterministic=True)`: the helper switches deterministic kernels on too.
            deterministic = deterministic or any(
                keyword.arg == "deterministic" and not _is_false(keyword.value) for keyword in call.keywords or ()
            )
        elif name in DETERMINISM_SWITCHES or _deterministic_trainer(call, name):
            deterministic = deterministic or not _first_argument_is_false(call)
        elif name in NUMPY_GENERATORS:
            if not _has_seed_argument(call):
                generators.append(call)
        else:
            framework = _drawing_framework(name)
            if framework:
                draws[framework].append(call)
        if imports_torch and isinstance(call.func, nodes.Attribute) and call.func.attrname == "backward":
            steps.append(call)
    return Randomness(
        seeded=frozenset(seeded),
        draws={framework: tuple(calls) for framework, calls in draws.items()},
        unseeded_generators=tuple(generators),
        trains_when_run=_runs_training(module, training),
        torch_steps=tuple(steps),
        deterministic=deterministic,
    )


def _seeds(call: nodes.Call, name: str | None) -> frozenset[str]:
    """The frameworks a call seeds: its framework's seeder given a seed, a seed-everything helper, a trainer."""
    if name in FRAMEWORK_SEEDERS:
        return frozenset({FRAMEWORK_SEEDERS[name]}) if _has_seed_argument(call) else frozenset()
    if name in UNIVERSAL_SEEDERS or name in SELF_SEEDING_TRAINERS:
        return frozenset(FRAMEWORKS)
    if _is_seed_helper(call, name):
        # The project's own `set_seed(42)` / `seed_everything()` helper: what it seeds is not visible here.
        return frozenset(FRAMEWORKS)
    return frozenset()


def _is_seed_helper(call: nodes.Call, name: str | None) -> bool:
    """A function with ``seed`` in its name, imported from the project or defined in the module.

    A method of a runtime value (``generator.manual_seed(0)``, ``rng.seed()``)
    seeds that object only.
    """
    if name is not None:
        return "seed" in name.rsplit(".", 1)[-1].lower() and not name.startswith(_NOT_SEEDERS)
    return isinstance(call.func, nodes.Name) and "seed" in call.func.name.lower()


def _has_seed_argument(call: nodes.Call) -> bool:
    """Is a seed given (by position or keyword) that is not ``None``?"""
    values = list(call.args) + [keyword.value for keyword in call.keywords or () if keyword.arg in ("seed", None)]
    return any(not (isinstance(value, nodes.Const) and value.value is None) for value in values)


def _first_argument_is_false(call: nodes.Call) -> bool:
    values = list(call.args[:1]) + [keyword.value for keyword in call.keywords or ()
                                    if keyword.arg in ("mode", "deterministic")]
    return any(_is_false(value) for value in values)


def _is_false(value: nodes.NodeNG) -> bool:
    return isinstance(value, nodes.Const) and value.value is False


def _deterministic_trainer(call: nodes.Call, name: str | None) -> bool:
    """``Trainer(deterministic=True)`` of Lightning."""
    return (
        name is not None
        and name.startswith(("pytorch_lightning.", "lightning."))
        and name.endswith("Trainer")
        and any(keyword.arg == "deterministic" for keyword in call.keywords or ())
    )


def _drawing_framework(name: str | None) -> str | None:
    """The framework whose global generator a call draws from, or ``None``."""
    if name is None:
        return None
    parts = name.split(".")
    if name.startswith("numpy.random.") and len(parts) == 3 and parts[2] not in _NUMPY_NOT_DRAWING:
        return "numpy"
    if name in TORCH_RANDOM_FUNCTIONS or name == "torch.nn.functional.dropout":
        return "torch"
    if name.startswith("torch.nn.init.") and parts[-1] not in _TORCH_INIT_NOT_DRAWING:
        return "torch"
    if name.startswith("torch.nn.") and parts[-1] in TORCH_RANDOM_LAYERS and len(parts) <= 4:
        return "torch"
    if name.startswith("tensorflow.random.") and parts[-1] not in _TENSORFLOW_NOT_DRAWING and len(parts) == 3:
        return "tensorflow"
    if name.startswith(LAYER_MODULES) and parts[-1] in KERAS_RANDOM_LAYERS:
        return "tensorflow"
    return None


def _imports(module: nodes.Module, root: str) -> bool:
    for node in descendants(module, (nodes.Import, nodes.ImportFrom)):
        names = [node.modname] if isinstance(node, nodes.ImportFrom) else [name for name, _ in node.names]
        if any(name == root or name.startswith(root + ".") for name in names):
            return True
    return False


def _runs_training(module: nodes.Module, training: list[nodes.Call]) -> bool:
    """Is the module a training entry point: it trains a model, and running it does (not a library of helpers)?

    Training is a training method call (``fit``, ``train``, ``train_on_batch``)
    or ``backward()``. Running it does when such a call sits in module-level
    code (a script, a notebook export) or the module has an
    ``if __name__ == "__main__":`` block.
    """
    if not training:
        return False
    if any(_is_main_guard(statement) for statement in module.body):
        return True
    return any(isinstance(call.scope(), nodes.Module) for call in training)


def _is_main_guard(statement: nodes.NodeNG) -> bool:
    return isinstance(statement, nodes.If) and "__main__" in statement.test.as_string()
