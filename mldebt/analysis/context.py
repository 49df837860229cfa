"""Training code and serving code: which functions and modules are which.

Serving code is what answers prediction requests: web route handlers (Flask
``@app.route``, FastAPI ``@app.post``/``@router.get``, Blueprints), Ray Serve
and BentoML endpoints, Django views, entry points named ``predict``,
``handler``, ``lambda_handler``, ``predict_fn``/``input_fn`` (SageMaker),
Streamlit and Gradio apps (the whole module), and modules matching the
team's ``serve-modules`` patterns. The serving code of a
module is its handlers, the module's own functions they call (transitively),
and the module-level statements that set them up (loading the model).

Training code is a module that fits a model on data (see ``dataflow``) or
matches the team's ``train-modules`` patterns.
"""

from __future__ import annotations

from collections.abc import Iterator

from astroid import nodes

from mldebt.analysis.apis import FIT_METHODS, PREDICTION_METHODS, TRAINING_METHODS, TRANSFORM_METHODS
from mldebt.analysis.dataflow import Provenance
from mldebt.analysis.names import qualified_name
from mldebt.analysis.values import bound_values
from mldebt.analysis.tree_index import descendants

ROUTE_DECORATORS = frozenset(
    {"route", "get", "post", "put", "patch", "delete", "api_route", "websocket", "api", "endpoint"}
)
SERVING_DECORATORS = frozenset(
    {"ray.serve.deployment", "ray.serve.ingress", "bentoml.api", "bentoml.service", "bentoml.Service.api"}
)
# Apps built with these serve predictions from plain module-level code.
UI_FRAMEWORKS = frozenset({"streamlit", "gradio"})
ENTRY_POINTS = frozenset({"predict", "handler", "lambda_handler", "predict_fn", "input_fn", "transform_fn"})
# Functions a web service runs at start-up (FastAPI ``lifespan``, SageMaker's ``model_fn``).
STARTUP_HOOKS = frozenset({"lifespan", "model_fn", "init", "startup"})
# Base classes of class-based views and resources: ``APIView``, ``MethodView``, ``ViewSet``, ``Resource``.
VIEW_BASE_SUFFIXES = ("View", "ViewSet", "Resource")
# Methods through which a service class answers requests.
SERVICE_METHODS = frozenset({"predict", "predict_proba", "compute_prediction", "infer", "inference", "__call__"})
# Decorators that make a function a task of a Celery worker, which answers requests off a queue.
CELERY_TASK_DECORATORS = frozenset({"celery.shared_task", "celery.task"})
MODEL_ROLES = frozenset({"model", "pipeline", "search", None})


def is_serving_function(function: nodes.FunctionDef) -> bool:
    """A route handler, a serving framework endpoint, a task or start-up hook of a service, or a serving entry point.

    Every method of a serving class counts (``is_serving_class``): its
    ``__init__`` loads what its ``predict`` uses.
    """
    if isinstance(function.parent, nodes.Module) and function.name in ENTRY_POINTS | STARTUP_HOOKS:
        return True
    if function.root().name.rsplit(".", 1)[-1] == "views" and _first_parameter(function) == "request":
        return True
    if isinstance(function.parent, nodes.ClassDef) and is_serving_class(function.parent):
        return True
    decorators = function.decorators.nodes if function.decorators else []
    return any(_is_serving_decorator(decorator) for decorator in decorators)


def is_serving_class(cls: nodes.ClassDef) -> bool:
    """A class that serves predictions.

    Class-based views (Django, DRF, Flask ``MethodView``, Flask-RESTful
    resources), classes a serving framework deploys (BentoML, Ray Serve),
    and service classes: a ``predict``-like method that calls a model held
    on ``self``, in a class that fits nothing itself (a custom estimator's
    ``predict`` is training code).
    """
    decorators = cls.decorators.nodes if cls.decorators else []
    if any(_is_serving_decorator(decorator) for decorator in decorators):
        return True
    if any(base.as_string().rsplit(".", 1)[-1].endswith(VIEW_BASE_SUFFIXES) for base in cls.bases):
        return True
    methods = {node.name: node for node in cls.body if isinstance(node, (nodes.FunctionDef, nodes.AsyncFunctionDef))}
    if set(methods) & FIT_METHODS:
        return False
    return any(_predicts_with_held_model(methods[name]) for name in set(methods) & SERVICE_METHODS)


def _predicts_with_held_model(method: nodes.FunctionDef) -> bool:
    for call in descendants(method, nodes.Call):
        func = call.func
        if isinstance(func, nodes.Attribute) and func.attrname in PREDICTION_METHODS:
            holder = func.expr
            if isinstance(holder, nodes.Attribute) and isinstance(holder.expr, nodes.Name) and holder.expr.name == "self":
                return True
    return False


# Text every kind of serving module contains; without any, there is no need to look for handlers.
_SERVING_HINTS = (
    "@", "def predict", "def handler", "lambda_handler", "_fn(", "streamlit", "gradio", "request",
    "View", "Resource", "def compute_prediction", "def infer", "def __call__", "def lifespan", "def init",
)


def may_serve(text: str) -> bool:
    """A cheap first look: can this module's text hold serving code at all?"""
    return any(hint in text for hint in _SERVING_HINTS)


def is_ui_app(module: nodes.Module) -> bool:
    """A Streamlit or Gradio app: the whole module serves predictions."""
    for statement in module.body:
        if isinstance(statement, nodes.Import):
            roots = {name.split(".")[0] for name, _ in statement.names}
        elif isinstance(statement, nodes.ImportFrom):
            roots = {statement.modname.split(".")[0]}
        else:
            continue
        if roots & UI_FRAMEWORKS:
            return True
    return False


def serving_functions(module: nodes.Module) -> list[nodes.FunctionDef]:
    return [
        function
        for function in descendants(module, (nodes.FunctionDef, nodes.AsyncFunctionDef))
        if is_serving_function(function)
    ]


def serving_code(module: nodes.Module, *, whole_module: bool = False) -> list[nodes.NodeNG]:
    """Statements and functions that run to serve predictions, in source order.

    ``whole_module`` treats every function as serving code (a module matched by
    ``serve-modules``).
    """
    handlers = serving_functions(module)
    if not handlers and not whole_module:
        return []
    return code_reached(module, None if whole_module else handlers)


def code_reached(module: nodes.Module, roots: list[nodes.NodeNG] | None) -> list[nodes.NodeNG]:
    """The module-level statements (outside the ``__main__`` guard), the ``roots`` functions and the
    module's functions they call, transitively; every function when ``roots`` is ``None``.
    """
    local = {
        node.name: node for node in module.body if isinstance(node, (nodes.FunctionDef, nodes.AsyncFunctionDef))
    }
    reached: dict[int, nodes.NodeNG] = {}
    pending = list(local.values()) if roots is None else list(roots)
    while pending:
        function = pending.pop()
        if id(function) in reached:
            continue
        reached[id(function)] = function
        for call in descendants(function, nodes.Call):
            if isinstance(call.func, nodes.Name) and call.func.name in local:
                pending.append(local[call.func.name])
    setup = [
        statement
        for statement in module.body
        if not isinstance(statement, (nodes.FunctionDef, nodes.AsyncFunctionDef, nodes.ClassDef))
        and not _is_main_guard(statement)
    ]
    return sorted([*setup, *reached.values()], key=lambda node: node.fromlineno)


def walk(code: list[nodes.NodeNG], node_class) -> Iterator[nodes.NodeNG]:
    """Nodes of a class inside the given statements and functions."""
    for root in code:
        yield from descendants(root, node_class)


def is_training(provenance: Provenance) -> bool:
    """Does the module fit a model (not only a transformer) on data?"""
    return any(fit.estimator.role in MODEL_ROLES for fit in provenance.fits)


def is_inference(module: nodes.Module) -> bool:
    """Does the module predict with a model and train none (a batch scorer, a predictor class)?"""
    methods = _called_methods(module)
    return bool(methods & PREDICTION_METHODS) and not methods & TRAINING_METHODS


def uses_models(module: nodes.Module) -> bool:
    """Does the module fit, apply or predict with a model or transformer (by the methods it calls)?"""
    return bool(_called_methods(module) & (PREDICTION_METHODS | TRAINING_METHODS | FIT_METHODS | TRANSFORM_METHODS))


def _called_methods(module: nodes.Module) -> frozenset[str]:
    return frozenset(
        call.func.attrname for call in descendants(module, nodes.Call) if isinstance(call.func, nodes.Attribute)
    )


def runs_at_startup(node: nodes.NodeNG) -> bool:
    """Does serving code run ``node`` only when the service starts, never per request?

    Module-level code, start-up hooks (``lifespan``, ``model_fn``,
    ``@app.on_event("startup")``), the ``__init__`` of a service class, and the
    module's functions that only those call (``get_or_train_model()`` from the
    lifespan) run once, before any request arrives.
    """
    outer = None
    for ancestor in node.node_ancestors():
        if isinstance(ancestor, nodes.FunctionDef) and isinstance(ancestor.parent, (nodes.Module, nodes.ClassDef)):
            outer = ancestor
    if outer is None:
        return True
    if isinstance(outer.parent, nodes.ClassDef):
        return outer.name == "__init__"
    module = outer.root()
    per_request = [function for function in serving_functions(module) if not _is_startup_hook(function)]
    if any(function is outer for function in code_reached(module, per_request)):
        return False
    at_startup = [function for function in serving_functions(module) if _is_startup_hook(function)]
    return any(function is outer for function in code_reached(module, at_startup))


def _is_startup_hook(function: nodes.FunctionDef) -> bool:
    if isinstance(function.parent, nodes.Module) and function.name in STARTUP_HOOKS:
        return True
    decorators = function.decorators.nodes if function.decorators else []
    return any(
        isinstance(decorator, nodes.Call)
        and isinstance(decorator.func, nodes.Attribute)
        and decorator.func.attrname == "on_event"
        for decorator in decorators
    )


def _is_serving_decorator(decorator: nodes.NodeNG) -> bool:
    target = decorator.func if isinstance(decorator, nodes.Call) else decorator
    if qualified_name(target) in SERVING_DECORATORS:
        return True
    if qualified_name(target) in CELERY_TASK_DECORATORS or _is_celery_app_task(target):
        return True
    if isinstance(target, nodes.Attribute) and target.attrname == "on_event":
        return True  # FastAPI's @app.on_event("startup")
    is_method_call = isinstance(decorator, nodes.Call) and isinstance(target, nodes.Attribute)
    return is_method_call and target.attrname in ROUTE_DECORATORS


def _is_celery_app_task(target: nodes.NodeNG) -> bool:
    """``@app.task`` where ``app = Celery(...)``; workflow tools' ``@task`` (Prefect, Airflow) are pipeline steps."""
    if not (isinstance(target, nodes.Attribute) and target.attrname == "task" and isinstance(target.expr, nodes.Name)):
        return False
    return any(
        isinstance(value, nodes.Call) and qualified_name(value.func) == "celery.Celery" for value in bound_values(target.expr)
    )


def _first_parameter(function: nodes.FunctionDef) -> str | None:
    arguments = function.args.posonlyargs + function.args.args
    return arguments[0].name if arguments else None


def _is_main_guard(statement: nodes.NodeNG) -> bool:
    return isinstance(statement, nodes.If) and "__main__" in statement.test.as_string()
