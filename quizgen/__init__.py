"""quizgen: verified quizzes on the 2016 U.S.-Russia diplomacy over Aleppo."""

__version__ = "0.1.0"
__all__ = ["__version__"]
