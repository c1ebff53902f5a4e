"""Annotated article sets, built and scored with the shared scorer against their gold.

| set      | texts                 | gold               | what it is                                                  |
|----------|-----------------------|--------------------|-------------------------------------------------------------|
| seeds    | seeds/                | tests/gold/        | the five seed articles (development)                        |
| heldout  | tests/heldout/texts   | tests/heldout/gold | six invented articles, used to find general rules (development) |
| sealed   | tests/sealed/texts    | tests/sealed/gold  | six more; its errors were read, so development now          |
| dev3     | tests/dev3/texts      | tests/dev3/gold    | eight more, in the styles of the blind set's brief (development) |
| dev4     | tests/dev4/texts      | tests/dev4/gold    | eight role- and date-dense articles (development)           |
| dev5     | tests/dev5/texts      | tests/dev5/gold    | eight more from the blind set's styles brief, by other annotators (development) |
| dev6     | tests/dev6/texts      | tests/dev6/gold    | eight in official styles (wire, government sites, HKEX, chamber news) (development) |
| dev7     | tests/dev7/texts      | tests/dev7/gold    | eight in media styles (HK papers, WeChat, Q&A, delegation lists, Macau) (development) |
| dev8     | tests/dev8/texts      | tests/dev8/gold    | eight more (Wen Wei Po, People's Daily Shandong, HKTDC, a PDF table notice, Sing Tao, wire, county WeChat, Q&A), session 3 (development) |
| dev9     | tests/dev9/texts      | tests/dev9/gold    | eight more (大众日报, HK government press release, Ming Pao, 青岛日报, a Linyi notice with a PDF table, a university news page, Macao Daily, county WeChat), session 4 (development) |
| blind    | tests/blind/texts     | tests/blind/gold   | eight articles nobody tunes on: read its scores, never its errors |
| blind2   | tests/blind2/texts    | tests/blind2/gold  | eight more, session 2, by an author who read no code: scores only, never errors |
| blind3   | tests/blind3/texts    | tests/blind3/gold  | eight more, session 3, by an author who read no code: scores only, never errors |
| blind4   | tests/blind4/texts    | tests/blind4/gold  | eight more, session 4, by an author who read no code: scores only, never errors |
| dev10    | tests/dev10/texts     | tests/dev10/gold   | eight more (济宁日报, HKTDC release, Shandong government site, HK01, Xinhua wire, a port group's site, a Rizhao PDF notice with a table, Ta Kung Pao), session 5 (development) |
| blind5   | tests/blind5/texts    | tests/blind5/gold  | eight more, session 5, by an author who read no code: scores only, never errors |
| dev11    | tests/dev11/texts     | tests/dev11/gold   | eight more (人民日报海外版, HKET IPO, Weifang TV transcript, PolyU release, a provincial notice with a PDF table, China Daily, a company WeChat post, a HK Shandong federation's site), session 6 (development) |
| blind6   | tests/blind6/texts    | tests/blind6/gold  | eight more, session 6, by an author who read no code: scores only, never errors |
| dev12    | tests/dev12/texts     | tests/dev12/gold   | eight more (中评社, 东营日报, InvestHK release, Liaocheng government site, SDU Weihai news, a LegCo Hansard excerpt, a Binzhou PDF notice with a table, ifeng feature), session 7 (development) |
| blind7   | tests/blind7/texts    | tests/blind7/gold  | eight more, session 7, by an author who read no code: scores only, never errors |
| dev13    | tests/dev13/texts     | tests/dev13/gold   | eight more (Sing Tao, 大众日报, Weifang government site, PolyU release, 齐鲁晚报 feature, a county WeChat post, a conference programme from PDF, Wen Wei Po), session 8 (development) |
| blind8   | tests/blind8/texts    | tests/blind8/gold  | eight more, session 8, by an author who read no code: scores only, never errors |
| dev14    | tests/dev14/texts     | tests/dev14/gold   | eight more (中新网 wire, Ming Pao, 烟台日报, HK government press release, OUC campus news, a Shandong TV transcript, a HK 同乡会 WeChat post, an investment handbook from PDF), session 9 (development) |
| blind9   | tests/blind9/texts    | tests/blind9/gold  | eight more, session 9, by an author who read no code: scores only, never errors |
| dev15    | tests/dev15/texts     | tests/dev15/gold   | eight more (大众日报 front page, 文汇报 feature (traditional), a city government page with a PDF table, H-share listing news, a news digest, hospital news, a HKTDC press release (traditional), a Q&A interview), session 10 (development) |
| blind10  | tests/blind10/texts   | tests/blind10/gold | eight more, session 10, by an author who read no code: scores only, never errors |
| dev16    | tests/dev16/texts     | tests/dev16/gold   | eight more (HK government press release (traditional), a county government page, a university news page, a commerce bureau's WeChat post, a listed company's announcement from PDF, a year's chronicle, an RTHK transcript (traditional), a 香港商报 profile), session 11 (development) |
| blind11  | tests/blind11/texts   | tests/blind11/gold | eight more, session 11, by an author who read no code: scores only, never errors |

Each set's floors sit a little below the F1 measured when they were set (the value in the comment);
the seeds' floors are the targets of the issues. A fall below a floor is a regression in rules that
should generalise. Raise a floor when the extractor improves; never lower one without saying why in
the commit. The shared scorer is ../shared/eval/score.py beside the repository; without it the
scoring tests are skipped.
"""
from __future__ import annotations

import csv
import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from kg.pipeline import build

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
SCORER = ROOT.parent / "shared" / "eval" / "score.py"

SETS = {  # name: (texts, gold)
    "seeds": (ROOT / "seeds", TESTS / "gold"),
    "heldout": (TESTS / "heldout" / "texts", TESTS / "heldout" / "gold"),
    "sealed": (TESTS / "sealed" / "texts", TESTS / "sealed" / "gold"),
    "dev3": (TESTS / "dev3" / "texts", TESTS / "dev3" / "gold"),
    "dev4": (TESTS / "dev4" / "texts", TESTS / "dev4" / "gold"),
    "dev5": (TESTS / "dev5" / "texts", TESTS / "dev5" / "gold"),
    "dev6": (TESTS / "dev6" / "texts", TESTS / "dev6" / "gold"),
    "dev7": (TESTS / "dev7" / "texts", TESTS / "dev7" / "gold"),
    "dev8": (TESTS / "dev8" / "texts", TESTS / "dev8" / "gold"),
    "dev9": (TESTS / "dev9" / "texts", TESTS / "dev9" / "gold"),
    "blind": (TESTS / "blind" / "texts", TESTS / "blind" / "gold"),
    "blind2": (TESTS / "blind2" / "texts", TESTS / "blind2" / "gold"),
    "blind3": (TESTS / "blind3" / "texts", TESTS / "blind3" / "gold"),
    "blind4": (TESTS / "blind4" / "texts", TESTS / "blind4" / "gold"),
    "dev10": (TESTS / "dev10" / "texts", TESTS / "dev10" / "gold"),
    "blind5": (TESTS / "blind5" / "texts", TESTS / "blind5" / "gold"),
    "dev11": (TESTS / "dev11" / "texts", TESTS / "dev11" / "gold"),
    "blind6": (TESTS / "blind6" / "texts", TESTS / "blind6" / "gold"),
    "dev12": (TESTS / "dev12" / "texts", TESTS / "dev12" / "gold"),
    "blind7": (TESTS / "blind7" / "texts", TESTS / "blind7" / "gold"),
    "dev13": (TESTS / "dev13" / "texts", TESTS / "dev13" / "gold"),
    "blind8": (TESTS / "blind8" / "texts", TESTS / "blind8" / "gold"),
    "dev14": (TESTS / "dev14" / "texts", TESTS / "dev14" / "gold"),
    "blind9": (TESTS / "blind9" / "texts", TESTS / "blind9" / "gold"),
    "dev15": (TESTS / "dev15" / "texts", TESTS / "dev15" / "gold"),
    "blind10": (TESTS / "blind10" / "texts", TESTS / "blind10" / "gold"),
    "dev16": (TESTS / "dev16" / "texts", TESTS / "dev16" / "gold"),
    "blind11": (TESTS / "blind11" / "texts", TESTS / "blind11" / "gold"),
}

FLOORS = {
    "seeds": {  # the issues' targets (issue 3 and 4)
        "person": 0.95, "organization": 0.90, "place": 0.90, "date": 0.95, "event": 0.75,
        "agreement": 0.90, "roles": 0.85, "agreement_parties": 0.85, "region_accuracy": 0.95,
    },
    "heldout": {
        "person": 0.95,  # 1.000
        "organization": 0.94,  # 0.986; 0.993 in session 3
        "place": 0.91,  # 0.923; 0.937 in session 3; 0.949 in session 4; 0.961 in session 5
        "date": 0.95,  # 1.000
        "event": 0.95,  # 1.000
        "agreement": 0.95,  # 1.000
        "roles": 0.95,  # 0.976; 1.000 in session 5
        "roles_with_org": 0.95,  # 0.974; 1.000 in session 5
        "agreement_parties": 0.95,  # 1.000
    },
    "sealed": {
        "person": 0.95,  # 0.989; 1.000 in session 3
        "organization": 0.91,  # 0.892; 0.915 in session 3; 0.923 in session 6; 0.930 in session 7; 0.953 in session 8; 0.961 in session 9
        "place": 0.94,  # 0.982; 0.991 in session 9
        "date": 0.95,  # 1.000
        "event": 0.95,  # 1.000
        "agreement": 0.95,  # 1.000
        "roles": 0.91,  # 0.933; 0.945 after issue 3 round 4
        "roles_with_org": 0.86,  # 0.779; 0.840 after issue 3 round 4; 0.878 in session 5; 0.892 in session 6; 0.916 in session 8
        "agreement_parties": 0.92,  # 0.977
    },
    "dev3": {  # measured when the set arrived, before any rule was written for it
        "person": 0.94,  # 0.952; 0.965 in session 3; 0.983 in session 4; 0.994 in session 8
        "organization": 0.93,  # 0.808; 0.935 after issue 3 round 3; 0.943 after round 4; 0.979 in session 3; 0.983 in session 5
        "place": 0.86,  # 0.785; 0.859 after issue 3 round 3; 0.881 in session 4; 0.910 in session 8
        "date": 0.95,  # 0.991; 1.000 in session 3
        "event": 0.92,  # 0.930; 0.977 in session 9
        "agreement": 0.95,  # 1.000
        "roles": 0.93,  # 0.943 after issue 3 round 3 (was 0.883); 0.966 in session 4; 0.972 in session 5; 0.983 in session 11
        "roles_with_org": 0.90,  # 0.863 after issue 3 round 3 (was 0.711); 0.885 after round 4; 0.919 in session 4; 0.926 in session 5; 0.933 in session 8; 0.951 in session 11
        "agreement_parties": 0.88,  # 0.920; 0.932 after issue 4 round 6
    },
    "dev4": {  # measured when the set arrived, before any rule was written for it
        "person": 0.96,  # 0.886; 0.987 after issue 3 round 5
        "organization": 0.88,  # 0.773; 0.885 after issue 3 round 5; 0.920 in session 6; 0.932 in session 8
        "place": 0.90,  # 0.857; 0.867 after issue 3 round 5; 0.889 after round 7; 0.944 in session 4; 0.955 in session 11
        "date": 0.94,  # 0.977; 0.988 after issue 4 round 5
        "event": 0.79,  # 0.769; 0.811 after issue 4 round 5; 0.842 in session 3
        "agreement": 0.86,  # 0.870; 0.909 after issue 4 round 5
        "roles": 0.93,  # 0.835; 0.965 after issue 3 round 5
        "roles_with_org": 0.84,  # 0.697; 0.871 after issue 3 round 5
        "agreement_parties": 0.92,  # 0.878; 0.952 after issue 4 round 5; 0.976 after round 6
    },
    "dev5": {  # measured when the set arrived, before any rule was written for it
        "person": 0.95,  # 0.960; 0.970 in session 3; 0.990 in session 4; 1.000 in session 5
        "organization": 0.91,  # 0.894; 0.939 after issue 3 round 7; 0.966 in session 3
        "place": 0.92,  # 0.887; 0.930 after issue 3 round 7; 0.965 in session 4; 0.972 in session 6
        "date": 0.94,  # 0.990
        "event": 0.79,  # 0.647; 0.727 after issue 4 round 6; 0.788 after round 7; 0.848 in session 11
        "agreement": 0.95,  # 0.944; 1.000 after issue 4 round 6
        "roles": 0.88,  # 0.768 untuned; 0.911 with annual-report biographies; 0.920 in session 5; 0.930 in session 7
        "roles_with_org": 0.89,  # 0.690 untuned; 0.860 with annual-report biographies; 0.900 in session 3; 0.911 in session 5; 0.922 in session 7; 0.932 in session 8; 0.942 in session 9
        "agreement_parties": 0.95,  # 0.794; 0.933 after issue 4 round 6; 1.000 in session 3
    },
    "dev6": {  # measured when the set arrived (session 2), before any rule was written for it
        "person": 0.95,  # 0.945 untuned; 0.961 in session 3; 0.995 in session 4; 1.000 in session 8
        "organization": 0.85,  # 0.778 untuned; 0.803 in session 2; 0.846 in session 3; 0.851 in session 4; 0.864 in session 5; 0.889 in session 6; 0.893 in session 7; 0.900 in session 9
        "place": 0.87,  # 0.826 untuned; 0.843 in session 3; 0.894 in session 4; 0.909 in session 8; 0.923 in session 11
        "date": 0.93,  # 0.989 untuned
        "event": 0.63,  # 0.421 untuned; 0.605 in session 2; 0.667 in session 9; 0.682 in session 10
        "agreement": 0.88,  # 0.909 untuned; 0.938 in session 3
        "roles": 0.90,  # 0.863 untuned; 0.878 in session 3; 0.885 in session 4; 0.890 in session 5; 0.917 in session 6; 0.943 in session 8; 0.955 in session 11
        "roles_with_org": 0.81,  # 0.631 untuned; 0.695 in session 2; 0.705 in session 3; 0.725 in session 5; 0.738 in session 6; 0.837 in session 8; 0.848 in session 9; 0.853 in session 10; 0.869 in session 11
        "agreement_parties": 0.66,  # 0.712 untuned
    },
    "dev7": {  # measured when the set arrived (session 2), before any rule was written for it
        "person": 0.93,  # 0.851 untuned; 0.903 in session 2; 0.963 in session 3; 0.988 in session 4
        "organization": 0.86,  # 0.785 untuned; 0.842 in session 3; 0.854 in session 4; 0.872 in session 5; 0.894 in session 8; 0.914 in session 10
        "place": 0.90,  # 0.866 untuned; 0.918 in session 2; 0.923 in session 3; 0.933 in session 8; 0.954 in session 10
        "date": 0.93,  # 0.986 untuned
        "event": 0.68,  # 0.556 untuned; 0.667 in session 2; 0.691 in session 9; 0.731 in session 10
        "agreement": 0.82,  # 0.870 untuned
        "roles": 0.90,  # 0.810 untuned; 0.910 in session 3; 0.929 in session 4; 0.935 in session 5; 0.940 in session 8; 0.957 in session 11
        "roles_with_org": 0.88,  # 0.656 untuned; 0.797 in session 3; 0.819 in session 4; 0.853 in session 5; 0.897 in session 8; 0.910 in session 10; 0.931 in session 11
        "agreement_parties": 0.93,  # 0.937 untuned; 0.950 in session 3; 0.975 in session 4; 0.988 in session 6
    },
    "dev8": {  # measured when the set arrived (session 3), before any rule was written for it
        "person": 0.95,  # 0.896 untuned; 0.967 in session 3; 0.991 in session 4; 1.000 in session 9
        "organization": 0.89,  # 0.790 untuned; 0.844 in session 3; 0.886 in session 4; 0.908 in session 5; 0.921 in session 6; 0.943 in session 8
        "place": 0.88,  # 0.877 untuned; 0.916 in session 4; 0.921 in session 5; 0.931 in session 8
        "date": 0.95,  # 1.000 untuned
        "event": 0.70,  # 0.531 untuned; 0.692 in session 9; 0.750 in session 10
        "agreement": 0.85,  # 0.905 untuned
        "roles": 0.91,  # 0.835 untuned; 0.920 in session 3; 0.947 in session 4; 0.955 in session 6; 0.963 in session 8
        "roles_with_org": 0.89,  # 0.629 untuned; 0.740 in session 3; 0.826 in session 4; 0.861 in session 5; 0.879 in session 6; 0.888 in session 7; 0.904 in session 8; 0.913 in session 9; 0.941 in session 10
        "agreement_parties": 0.69,  # 0.702 untuned; 0.723 in session 3; 0.731 in session 4; 0.745 in session 7
    },
    "dev9": {  # measured when the set arrived (session 4), before any rule was written for it
        "person": 0.93,  # 0.881 untuned; 0.984 in session 4
        "organization": 0.90,  # 0.853 untuned; 0.896 in session 4; 0.908 in session 5; 0.925 in session 6; 0.932 in session 7; 0.940 in session 8; 0.952 in session 11
        "place": 0.85,  # 0.841 untuned; 0.867 in session 4; 0.890 in session 8; 0.905 in session 11
        "date": 0.88,  # 0.929 untuned
        "event": 0.63,  # 0.583 untuned; 0.612 in session 9; 0.682 in session 10
        "agreement": 0.81,  # 0.865 untuned
        "roles": 0.92,  # 0.857 untuned; 0.967 in session 4; 0.971 in session 9
        "roles_with_org": 0.79,  # 0.667 untuned; 0.771 in session 4; 0.793 in session 5; 0.804 in session 7; 0.829 in session 8; 0.842 in session 9
        "agreement_parties": 0.92,  # 0.914 untuned; 0.972 in session 4
    },
    "blind4": {  # measured when the set arrived (session 4); nobody reads its errors
        "person": 0.88,  # 0.876; 0.884 in session 4; 0.892 in session 5; 0.914 in session 6; 0.922 in session 7; 0.930 in session 9
        "organization": 0.80,  # 0.789; 0.796 in session 5; 0.812 in session 6; 0.832 in session 7; 0.851 in session 8
        "place": 0.83,  # 0.848; 0.852 in session 4; 0.863 in session 7; 0.872 in session 9; 0.889 in session 10
        "date": 0.92,  # 0.974
        "event": 0.42,  # 0.444; 0.457 in session 8; 0.471 in session 9
        "agreement": 0.89,  # 0.947
        "roles": 0.82,  # 0.859; 0.875 in session 4
        "roles_with_org": 0.71,  # 0.661; 0.673 in session 4; 0.719 in session 6; 0.746 in session 8; 0.763 in session 9
        "agreement_parties": 0.79,  # 0.773; 0.800 in session 6; 0.816 in session 8; 0.842 in session 9
    },
    "dev10": {  # measured when the set arrived (session 5, at 02e1fd9), before any rule was written for it
        "person": 0.94,  # 0.958 untuned; 0.988 in session 5; 0.994 in session 6
        "organization": 0.85,  # 0.850 untuned; 0.868 in session 5; 0.880 in session 6; 0.908 in session 8
        "place": 0.87,  # 0.857 untuned; 0.871 in session 5; 0.899 in session 8; 0.910 in session 10; 0.921 in session 11
        "date": 0.92,  # 0.973 untuned
        "event": 0.63,  # 0.444 untuned; 0.465 in session 8; 0.583 in session 9; 0.625 in session 10; 0.680 in session 11
        "agreement": 0.90,  # 0.950 untuned
        "roles": 0.93,  # 0.925 untuned; 0.969 in session 5; 0.974 in session 6; 0.980 in session 9
        "roles_with_org": 0.85,  # 0.745 untuned; 0.846 in session 5; 0.873 in session 6; 0.888 in session 8; 0.901 in session 9
        "agreement_parties": 0.87,  # 0.927 untuned
    },
    "blind5": {  # measured when the set arrived (session 5, at 02e1fd9); nobody reads its errors
        "person": 0.88,  # 0.927; 0.933 in session 6
        "organization": 0.82,  # 0.824; 0.840 in session 6; 0.855 in session 7; 0.862 in session 8; 0.872 in session 10
        "place": 0.81,  # 0.802; 0.825 in session 7; 0.836 in session 8; 0.854 in session 9; 0.860 in session 10
        "date": 0.92,  # 0.978
        "event": 0.65,  # 0.605; 0.619 in session 7; 0.634 in session 8; 0.700 in session 9
        "agreement": 0.88,  # 0.938
        "roles": 0.85,  # 0.891; 0.902 in session 8
        "roles_with_org": 0.80,  # 0.781; 0.797 in session 6; 0.818 in session 7; 0.843 in session 8; 0.850 in session 11
        "agreement_parties": 0.88,  # 0.885; 0.935 in session 7
    },
    "dev11": {  # measured when the set arrived (session 6, at ac6673c), before any rule was written for it
        "person": 0.95,  # 0.945; 0.967 in session 6; 0.995 in session 7; 1.000 in session 8
        "organization": 0.88,  # 0.811; 0.866 in session 6; 0.914 in session 8; 0.938 in session 10
        "place": 0.88,  # 0.861; 0.890 in session 8; 0.903 in session 9; 0.922 in session 10; 0.931 in session 11
        "date": 0.93,  # 0.984
        "event": 0.68,  # 0.429; 0.476 in session 6; 0.708 in session 9; 0.739 in session 10
        "agreement": 0.84,  # 0.774; 0.897 in session 6
        "roles": 0.92,  # 0.874; 0.896 in session 6; 0.917 in session 7; 0.960 in session 8; 0.970 in session 9
        "roles_with_org": 0.83,  # 0.654; 0.810 in session 6; 0.830 in session 7; 0.862 in session 8; 0.886 in session 9
        "agreement_parties": 0.73,  # 0.745; 0.754 in session 6; 0.787 in session 8
    },
    "blind6": {  # measured when the set arrived (session 6, at ac6673c); nobody reads its errors
        "person": 0.89,  # 0.917; 0.925 in session 7; 0.940 in session 8
        "organization": 0.78,  # 0.757; 0.767 in session 6; 0.778 in session 7; 0.790 in session 8; 0.808 in session 9; 0.812 in session 10; 0.838 in session 11
        "place": 0.88,  # 0.918; 0.925 in session 10; 0.935 in session 11
        "date": 0.95,  # 1.000
        "event": 0.55,  # 0.533; 0.581 in session 9; 0.600 in session 10
        "agreement": 0.95,  # 0.963; 1.000 in session 6
        "roles": 0.85,  # 0.869; 0.884 in session 7; 0.904 in session 8
        "roles_with_org": 0.69,  # 0.701; 0.723 in session 7; 0.732 in session 10; 0.748 in session 11
        "agreement_parties": 0.87,  # 0.902; 0.920 in session 11
    },
    "dev12": {  # measured when the set arrived (session 7, at cec0398), before any rule was written for it
        "person": 0.93,  # 0.953; 0.967 in session 7; 0.980 in session 8
        "organization": 0.86,  # 0.868; 0.893 in session 7; 0.908 in session 8; 0.913 in session 9
        "place": 0.88,  # 0.842; 0.865 in session 7; 0.909 in session 8; 0.932 in session 9
        "date": 0.92,  # 0.973
        "event": 0.53,  # 0.478; 0.500 in session 8; 0.583 in session 9
        "agreement": 0.84,  # 0.732; 0.894 in session 10
        "roles": 0.90,  # 0.889; 0.944 in session 7; 0.956 in session 8
        "roles_with_org": 0.81,  # 0.657; 0.808 in session 7; 0.821 in session 8; 0.863 in session 9
        "agreement_parties": 0.90,  # 0.881 (at bf34de4, whose other scores on dev12 are those above); 0.933 in session 7; 0.952 in session 10
    },
    "dev13": {  # measured when the set arrived (session 8, at a3d22a6), before any rule was written for it
        "person": 0.94,  # 0.949; 0.990 in session 8
        "organization": 0.87,  # 0.849; 0.901 in session 8; 0.910 in session 9; 0.921 in session 10
        "place": 0.83,  # 0.809; 0.867 in session 8; 0.872 in session 9; 0.883 in session 11
        "date": 0.91,  # 0.962
        "event": 0.70,  # 0.438; 0.484 in session 8; 0.716 in session 9; 0.738 in session 10; 0.758 in session 11
        "agreement": 0.84,  # 0.894
        "roles": 0.92,  # 0.940; 0.961 in session 8; 0.970 in session 10
        "roles_with_org": 0.82,  # 0.804; 0.849 in session 8; 0.871 in session 10
        "agreement_parties": 0.82,  # 0.851; 0.871 in session 8
    },
    "dev14": {  # measured when the set arrived (session 9, at 5711e44), before any rule was written for it
        "person": 0.95,  # 0.964; 1.000 in session 9
        "organization": 0.90,  # 0.872; 0.941 in session 9; 0.954 in session 11
        "place": 0.85,  # 0.829; 0.883 in session 9; 0.902 in session 11
        "date": 0.95,  # 0.978; 1.000 in session 9
        "event": 0.66,  # 0.545; 0.677 in session 9; 0.710 in session 10
        "agreement": 0.90,  # 0.820; 0.957 in session 10
        "roles": 0.91,  # 0.932; 0.969 in session 9
        "roles_with_org": 0.88,  # 0.779; 0.920 in session 9; 0.930 in session 10
        "agreement_parties": 0.89,  # 0.889; 0.932 in session 9; 0.948 in session 10
    },
    "blind9": {  # measured when the set arrived (session 9, with the code of 5711e44); nobody reads its errors
        "person": 0.91,  # 0.962
        "organization": 0.81,  # 0.859; 0.865 in session 9
        "place": 0.88,  # 0.909; 0.926 in session 10; 0.931 in session 11
        "date": 0.93,  # 0.980
        "event": 0.58,  # 0.636
        "agreement": 0.92,  # 0.947; 0.973 in session 11
        "roles": 0.88,  # 0.935
        "roles_with_org": 0.79,  # 0.817; 0.824 in session 9; 0.845 in session 10
        "agreement_parties": 0.87,  # 0.923
    },
    "dev15": {  # measured when the set arrived (session 10, at 44ca755), before any rule was written for it
        "person": 0.94,  # 0.967; 0.994 in session 10
        "organization": 0.84,  # 0.836; 0.882 in session 10; 0.894 in session 11
        "place": 0.86,  # 0.796; 0.908 in session 10; 0.919 in session 11
        "date": 0.93,  # 0.982
        "event": 0.76,  # 0.657; 0.818 in session 10
        "agreement": 0.89,  # 0.698; 0.923 in session 10; 0.941 in session 11
        "roles": 0.91,  # 0.937; 0.960 in session 10
        "roles_with_org": 0.84,  # 0.817; 0.899 in session 10
        "agreement_parties": 0.81,  # 0.761; 0.863 in session 10
    },
    "blind10": {  # measured when the set arrived (session 10, with the code of 44ca755); nobody reads its errors
        "person": 0.87,  # 0.925
        "organization": 0.83,  # 0.876; 0.883 in session 10
        "place": 0.80,  # 0.807; 0.850 in session 10
        "date": 0.79,  # 0.848
        "event": 0.60,  # 0.613; 0.640 in session 10; 0.658 in session 11
        "agreement": 0.91,  # 0.964
        "roles": 0.84,  # 0.895
        "roles_with_org": 0.75,  # 0.809
        "agreement_parties": 0.80,  # 0.857
    },
    "dev16": {  # measured when the set arrived (session 11, at 25136d6), before any rule was written for it
        "person": 0.95,  # 0.957; 1.000 in session 11
        "organization": 0.84,  # 0.875; 0.895 in session 11
        "place": 0.85,  # 0.872; 0.908 in session 11
        "date": 0.93,  # 0.988
        "event": 0.69,  # 0.630; 0.747 in session 11
        "agreement": 0.92,  # 0.884; 0.977 in session 11
        "roles": 0.87,  # 0.882; 0.928 in session 11
        "roles_with_org": 0.85,  # 0.802; 0.907 in session 11
        "agreement_parties": 0.81,  # 0.841; 0.868 in session 11
    },
    "blind11": {  # measured when the set arrived (session 11, with the code of 25136d6); nobody reads its errors
        "person": 0.88,  # 0.842; 0.932 in session 11
        "organization": 0.84,  # 0.897
        "place": 0.81,  # 0.860
        "date": 0.92,  # 0.972
        "event": 0.56,  # 0.597; 0.618 in session 11
        "agreement": 0.85,  # 0.906
        "roles": 0.83,  # 0.796; 0.884 in session 11
        "roles_with_org": 0.80,  # 0.745; 0.854 in session 11
        "agreement_parties": 0.89,  # 0.947
    },
    "blind8": {  # measured when the set arrived (session 8, at a3d22a6); nobody reads its errors
        "person": 0.88,  # 0.903; 0.930 in session 8
        "organization": 0.85,  # 0.868; 0.892 in session 8; 0.900 in session 11
        "place": 0.87,  # 0.838; 0.861 in session 8; 0.870 in session 9; 0.892 in session 10; 0.921 in session 11
        "date": 0.91,  # 0.956; 0.964 in session 9
        "event": 0.35,  # 0.400
        "agreement": 0.89,  # 0.941
        "roles": 0.85,  # 0.891; 0.908 in session 8
        "roles_with_org": 0.78,  # 0.762; 0.832 in session 8
        "agreement_parties": 0.80,  # 0.853
    },
    "blind7": {  # measured when the set arrived (session 7, at bf34de4); nobody reads its errors
        "person": 0.85,  # 0.892; 0.901 in session 7
        "organization": 0.81,  # 0.848; 0.853 in session 7; 0.865 in session 8
        "place": 0.89,  # 0.925; 0.942 in session 8
        "date": 0.94,  # 0.992
        "event": 0.60,  # 0.625; 0.638 in session 8; 0.652 in session 11
        "agreement": 0.89,  # 0.941
        "roles": 0.75,  # 0.790; 0.805 in session 11
        "roles_with_org": 0.66,  # 0.656; 0.693 in session 7; 0.708 in session 8; 0.718 in session 11
        "agreement_parties": 0.85,  # 0.818; 0.909 in session 7
    },
    "blind2": {  # measured when the set arrived (session 2); nobody reads its errors
        "person": 0.90,  # 0.860; 0.879 in session 3; 0.898 in session 4; 0.917 in session 7; 0.951 in session 8
        "organization": 0.84,  # 0.797; 0.816 in session 3; 0.824 in session 4; 0.849 in session 6; 0.864 in session 7; 0.878 in session 8; 0.882 in session 9; 0.890 in session 10
        "place": 0.89,  # 0.893; 0.905 in session 3; 0.910 in session 4; 0.927 in session 7; 0.933 in session 8; 0.944 in session 10
        "date": 0.95,  # 1.000
        "event": 0.68,  # 0.646; 0.687 in session 3; 0.697 in session 9; 0.738 in session 10
        "agreement": 0.82,  # 0.848; 0.875 in session 6
        "roles": 0.85,  # 0.793; 0.803 in session 3; 0.833 in session 4; 0.862 in session 6; 0.880 in session 8; 0.906 in session 11
        "roles_with_org": 0.77,  # 0.587; 0.602 in session 3; 0.667 in session 4; 0.688 in session 5; 0.701 in session 7; 0.765 in session 8; 0.777 in session 9; 0.788 in session 10; 0.822 in session 11
        "agreement_parties": 0.85,  # 0.881; 0.900 in session 3
    },
    "blind3": {  # measured when the set arrived (session 3); nobody reads its errors
        "person": 0.86,  # 0.848; 0.854 in session 3; 0.902 in session 4; 0.913 in session 7
        "organization": 0.79,  # 0.778; 0.780 in session 3; 0.793 in session 5; 0.810 in session 6; 0.824 in session 8; 0.834 in session 9; 0.841 in session 11
        "place": 0.82,  # 0.795; 0.826 in session 4; 0.833 in session 7; 0.858 in session 8; 0.871 in session 9
        "date": 0.93,  # 0.966; 0.986 in session 9
        "event": 0.46,  # 0.429; 0.500 in session 9; 0.511 in session 10
        "agreement": 0.84,  # 0.895
        "roles": 0.83,  # 0.843; 0.877 in session 4; 0.883 in session 5
        "roles_with_org": 0.62,  # 0.538; 0.548 in session 3; 0.619 in session 4; 0.631 in session 6; 0.655 in session 8; 0.674 in session 11
        "agreement_parties": 0.72,  # 0.774
    },
    "blind": {  # floors raised to 0.05 below the scores of 2026-11-21, end of session 1 (in the comment)
        "person": 0.95,  # 0.978; 0.989 in session 3; 1.000 in session 4
        "organization": 0.84,  # 0.830; 0.845 in session 3; 0.852 in session 4; 0.872 in session 6; 0.882 in session 8; 0.894 in session 10
        "place": 0.88,  # 0.885; 0.897 in session 3; 0.928 in session 4; 0.934 in session 8
        "date": 0.82,  # 0.872
        "event": 0.70,  # 0.720; 0.750 in session 2
        "agreement": 0.95,  # 0.963; 1.000 in session 3
        "roles": 0.84,  # 0.768 (floor set at 0.780); 0.860 in session 3; 0.881 in session 5; 0.891 in session 9
        "roles_with_org": 0.75,  # 0.619; 0.731 in session 2; 0.745 in session 4; 0.771 in session 5; 0.792 in session 6; 0.804 in session 9
        "agreement_parties": 0.95,  # 0.941; 0.962 in session 3; 1.000 in session 10
    },
}


def _scorer() -> ModuleType:
    if not SCORER.is_file():
        pytest.skip(f"the shared scorer is not at {SCORER}; the annotated sets cannot be scored")
    spec = importlib.util.spec_from_file_location("kg_shared_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module", params=sorted(SETS))
def scored(request, tmp_path_factory) -> tuple[str, dict]:
    """(set name, the scorer's summary of one build of the set's texts)."""
    scorer = _scorer()
    texts, gold = SETS[request.param]
    out = tmp_path_factory.mktemp(request.param)
    built = build([texts], out, jobs=1, cache=False)
    return request.param, scorer.score(str(gold), str(built.outputs[0]), str(texts))


def _manifest(texts: Path) -> dict[str, dict]:
    rows = [line for line in (texts / "manifest.tsv").read_text(encoding="utf-8").splitlines()
            if not line.startswith("#")]
    return {row["id"]: row for row in csv.DictReader(rows, delimiter="\t")}


GOLD_FILES = [pytest.param(name, path, id=f"{name}-{path.stem}")
              for name, (_, gold) in sorted(SETS.items()) for path in sorted(gold.glob("*.json"))]


@pytest.mark.parametrize("name, path", GOLD_FILES)
def test_evalsets_gold_matches_its_text_and_manifest(name: str, path: Path):
    texts = SETS[name][0]
    gold = json.loads(path.read_text(encoding="utf-8"))
    assert gold["article"] == path.stem
    assert (texts / f"{path.stem}.txt").is_file()
    assert gold["published"] == _manifest(texts)[path.stem]["published"]


@pytest.mark.parametrize("name", sorted(SETS))
def test_evalsets_manifest_lists_every_text(name: str):
    texts = SETS[name][0]
    assert sorted(_manifest(texts)) == sorted(p.stem for p in texts.glob("*.txt"))


def test_evalsets_every_article_has_a_record(scored):
    _, summary = scored
    assert summary["missing_articles"] == []


def test_evalsets_mention_offsets_valid(scored):
    _, summary = scored
    assert summary["mention_offsets_valid"] == 1.0


def test_evalsets_scores_at_least_floors(scored):
    name, summary = scored
    below = {}
    for metric, floor in FLOORS[name].items():
        got = summary[metric] if metric == "region_accuracy" else (summary["entities"].get(metric) or summary[metric])["f1"]
        if got < floor:
            below[metric] = (got, floor)
    assert below == {}, f"{name}: scores below their floors (got, floor): {below}"
