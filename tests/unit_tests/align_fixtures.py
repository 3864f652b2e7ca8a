"""Inputs built for the alignment tests: the bundled pair and a synthetic pair.

The synthetic pair is derived from the bundled old report by editing its text:
sections are moved, split, merged, deleted and reworded, so the expected
alignment is known by construction (see :func:`synthetic_new_text`).
"""

from __future__ import annotations

from functools import cache

from lingdiff.load import read_text
from lingdiff.model import Document
from lingdiff.outline import parse_document
from tests.helpers import NEW_PATH, OLD_PATH, seed


@cache
def bundled_texts() -> tuple[str, str]:
    """Clean text of the bundled old and new reports."""
    return read_text(OLD_PATH), read_text(NEW_PATH)


def bundled_docs() -> tuple[Document, Document]:
    """The bundled reports as documents."""
    return seed("old"), seed("new")


NEW_TASK = (
    "（七）强化科技创新，培育发展新动能。\n"
    "实施高新技术企业倍增行动，全年新增高新技术企业10家以上。"
    "支持龙头企业建设研发中心和博士工作站，推动产学研用深度融合。"
    "加快制造业数字化转型，推动规模工业企业上云用数赋智。"
)
"""The one section of the synthetic new report that the old report does not have."""

MOVED_SENTENCE = "严厉打击非法集资、恶意逃废银行债务等行为。"
"""A sentence the synthetic new report moves from （三）'s third item to the merged （四）."""

MOVED_ITEM = "3.就业。"
"""The numbered item the synthetic new report moves from （六）'s 办好社会事业 to the end of
（一）'s 做大做强现代服务业, where it becomes ``4.就业。`` (the items after it in （六) are
renumbered)."""


def synthetic_new_text(old_text: str) -> str:
    """A new report made from the bundled old one by edits whose alignment is known.

    Review part: item 2 (三大攻坚战) moves to the end (items renumbered); item 1's
    heading is reworded and one of its figures changed. Targets part: the GDP
    target 7.5% becomes 6.5%. Plan part: （一）'s heading is reworded; （二） and
    （三） swap places; one sentence moves from （三） into （四）; （四） and
    （五） merge; （六） splits in two after its second item; （七） is deleted and
    a new （七） on science and technology is added. One numbered item moves from
    one task to another (:data:`MOVED_ITEM`, from （六） to （一）).
    """
    lines = old_text.split("\n")

    def find(prefix: str) -> int:
        hits = [i for i, line in enumerate(lines) if line.startswith(prefix)]
        assert len(hits) == 1, prefix
        return hits[0]

    # Review: reword item 1, move item 2 to the end and renumber.
    i1, i2 = find("1.高质量发展成效明显。"), find("2.三大攻坚战成果丰硕。")
    i3, i4, i5, i6 = (find(f"{k}.") for k in "3456")
    item1 = lines[i1].replace("1.高质量发展成效明显。", "1.高质量发展取得新成效。", 1)
    item1 = item1.replace("全区粮食种植面积80.6万亩", "全区粮食种植面积81.2万亩", 1)
    review = [
        item1,
        "2" + lines[i3][1:],
        "3" + lines[i4][1:],
        "4" + lines[i5][1:],
        "5" + lines[i6][1:],
        "6" + lines[i2][1:],
    ]
    # Targets: a changed figure.
    t = find("主要预期目标：")
    targets = lines[t].replace("地区生产总值增长7.5%以上", "地区生产总值增长6.5%以上", 1)
    # Plan.
    p1, p2, p3 = find("（一）"), find("（二）"), find("（三）")
    p4, p5, p6, p7 = find("（四）"), find("（五）"), find("（六）"), find("（七）")
    livelihood = "\n".join(lines[p6 + 1 : p7])
    item_at, next_at = livelihood.index(MOVED_ITEM), livelihood.index("4.文化。")
    item = livelihood[item_at + 2 : next_at]
    rest = (
        livelihood[next_at:].replace("4.文化。", "3.文化。", 1).replace("5.其他。", "4.其他。", 1)
    )
    livelihood = livelihood[:item_at] + rest
    task1 = ["（一）激活产业动能，推动实体经济转型升级。", *lines[p1 + 1 : p2]]
    task1[-1] += "4." + item
    task3_body = [line.replace(MOVED_SENTENCE, "") for line in lines[p3 + 1 : p4]]
    task2 = ["（二）打好三大攻坚战，坚决实现全面小康。", *task3_body]
    task3 = ["（三）狠抓项目建设，全力促投资稳增长。", *lines[p2 + 1 : p3]]
    reform = lines[p4 + 1 : p5]
    reform[-1] += MOVED_SENTENCE
    task4 = ["（四）扩大改革开放，推进城乡协同发展。", *reform, *lines[p5 + 1 : p6]]
    cut = livelihood.index("关心关爱特殊群体。")
    task5 = ["（五）办好民生实事，推动社会全面进步。", livelihood[:cut]]
    task6 = ["（六）关爱特殊群体，提升社会治理效能。", livelihood[cut:]]
    closing = lines[p7 + 2 :]
    out = [
        *lines[:i1],
        *review,
        *lines[i6 + 1 : t],
        targets,
        *lines[t + 1 : p1],
        *task1,
        *task2,
        *task3,
        *task4,
        *task5,
        *task6,
        *NEW_TASK.split("\n"),
        *closing,
    ]
    return "\n".join(out)


@cache
def synthetic_docs() -> tuple[Document, Document]:
    """The bundled old report and the synthetic new report made from it."""
    old_text, _ = bundled_texts()
    return seed("old"), parse_document(synthetic_new_text(old_text), key="new")


NEW_ITEM = (
    "4.电商。大力发展农村电子商务，建设区级电商公共服务中心和乡镇电商服务站，"
    "培育网络直播带货人才100名以上，推动农产品网上销售额增长20%以上。"
)
"""An item the no-move report adds to （一）'s 做大做强现代服务业: new, not moved from anywhere."""


@cache
def nothing_moved_docs() -> tuple[Document, Document]:
    """The bundled old report and a copy in which nothing moved: item ``5.其他`` of （六）'s
    办好社会事业 is dropped, and an unrelated item (:data:`NEW_ITEM`) is added to the
    numbered items of （一）'s 做大做强现代服务业."""
    old_text, _ = bundled_texts()
    start = old_text.index("5.其他。")
    end = old_text.index("关心关爱特殊群体。", start)
    text = old_text[:start] + old_text[end:]
    task2 = text.index("\n（二）")
    text = text[:task2] + NEW_ITEM + text[task2:]
    return seed("old"), parse_document(text, key="new")
