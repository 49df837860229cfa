"""The rule table: every rule, in code order. Add new rules here, by hand.

Rules live in a package per family (``rules/<family>/<symbol>.py``). A code
and symbol never change once released.
"""

from mldebt.rules.api_misuse.broadcasting_not_used import BroadcastingNotUsed
from mldebt.rules.api_misuse.chain_indexing import ChainIndexing
from mldebt.rules.api_misuse.dataframe_values import DataframeValues
from mldebt.rules.api_misuse.empty_column_initialization import EmptyColumnInitialization
from mldebt.rules.api_misuse.forward_call import ForwardCall
from mldebt.rules.api_misuse.inplace_misuse import InplaceMisuse
from mldebt.rules.api_misuse.label_encoder_on_features import LabelEncoderOnFeatures
from mldebt.rules.api_misuse.matmul_dot import MatmulDot
from mldebt.rules.api_misuse.memory_not_freed import MemoryNotFreed
from mldebt.rules.api_misuse.merge_parameter_unset import MergeParameterUnset
from mldebt.rules.api_misuse.missing_eval_mode import MissingEvalMode
from mldebt.rules.api_misuse.missing_mask import MissingMask
from mldebt.rules.api_misuse.missing_zero_grad import MissingZeroGrad
from mldebt.rules.api_misuse.nan_equality import NanEquality
from mldebt.rules.api_misuse.scaler_missing import ScalerMissing
from mldebt.rules.api_misuse.tensor_array_not_used import TensorArrayNotUsed
from mldebt.rules.api_misuse.unnecessary_iteration import UnnecessaryIteration
from mldebt.rules.artifacts.unsafe_model_deserialization import UnsafeModelDeserialization
from mldebt.rules.configuration.hardcoded_hyperparameter import HardcodedHyperparameter
from mldebt.rules.configuration.hardcoded_threshold import HardcodedThreshold
from mldebt.rules.configuration.hyperparameter_not_set import HyperparameterNotSet
from mldebt.rules.configuration.missing_random_seed import MissingRandomSeed
from mldebt.rules.configuration.nondeterministic_algorithms import NondeterministicAlgorithms
from mldebt.rules.configuration.unseeded_framework_rng import UnseededFrameworkRng
from mldebt.rules.data_dependencies.column_dtype_unset import ColumnDtypeUnset
from mldebt.rules.data_dependencies.correction_cascade import CorrectionCascade
from mldebt.rules.data_dependencies.unused_feature import UnusedFeature
from mldebt.rules.data_dependencies.unstable_data_dependency import UnstableDataDependency
from mldebt.rules.dead_code.commented_out_code import CommentedOutCode
from mldebt.rules.dead_code.dead_experimental_branch import DeadExperimentalBranch
from mldebt.rules.glue.conversion_roundtrip import ConversionRoundtrip
from mldebt.rules.glue.glue_code import GlueCode
from mldebt.rules.glue.multiple_language_glue import MultipleLanguageGlue
from mldebt.rules.glue.prototype_code import PrototypeCode
from mldebt.rules.internal.internal_error import InternalError
from mldebt.rules.internal.unparsable_source import UnparsableSource
from mldebt.rules.skew.duplicated_feature_logic import DuplicatedFeatureLogic
from mldebt.rules.skew.fit_in_serving import FitInServing
from mldebt.rules.skew.train_serve_skew import TrainServeSkew
from mldebt.rules.skew.unpersisted_preprocessor import UnpersistedPreprocessor
from mldebt.rules.leakage.evaluation_on_training_data import EvaluationOnTrainingData
from mldebt.rules.leakage.fit_on_test_data import FitOnTestData
from mldebt.rules.leakage.overlap_leakage import OverlapLeakage
from mldebt.rules.leakage.preprocessing_leakage import PreprocessingLeakage
from mldebt.rules.leakage.test_set_reuse import TestSetReuse
from mldebt.rules.leakage.threshold_dependent_validation import ThresholdDependentValidation
from mldebt.rules.notebooks.notebook_hidden_state import NotebookHiddenState
from mldebt.rules.notebooks.notebook_out_of_order_execution import NotebookOutOfOrderExecution
from mldebt.rules.pipelines.intermediate_file import IntermediateFile
from mldebt.rules.pipelines.pipeline_jungle import PipelineJungle
from mldebt.rules.pipelines.pipeline_not_used import PipelineNotUsed

ALL_RULES = (
    InternalError,
    UnparsableSource,
    GlueCode,
    ConversionRoundtrip,
    MultipleLanguageGlue,
    PrototypeCode,
    PipelineJungle,
    IntermediateFile,
    PipelineNotUsed,
    UnusedFeature,
    UnstableDataDependency,
    ColumnDtypeUnset,
    CorrectionCascade,
    HardcodedThreshold,
    HardcodedHyperparameter,
    MissingRandomSeed,
    UnseededFrameworkRng,
    NondeterministicAlgorithms,
    HyperparameterNotSet,
    TrainServeSkew,
    FitInServing,
    UnpersistedPreprocessor,
    DuplicatedFeatureLogic,
    PreprocessingLeakage,
    FitOnTestData,
    EvaluationOnTrainingData,
    TestSetReuse,
    OverlapLeakage,
    ThresholdDependentValidation,
    DeadExperimentalBranch,
    CommentedOutCode,
    ChainIndexing,
    NanEquality,
    MergeParameterUnset,
    InplaceMisuse,
    DataframeValues,
    UnnecessaryIteration,
    EmptyColumnInitialization,
    MatmulDot,
    MissingMask,
    BroadcastingNotUsed,
    LabelEncoderOnFeatures,
    ScalerMissing,
    MissingZeroGrad,
    ForwardCall,
    MissingEvalMode,
    MemoryNotFreed,
    TensorArrayNotUsed,
    NotebookOutOfOrderExecution,
    NotebookHiddenState,
    UnsafeModelDeserialization,
)
