"""The messages of the data stage, in English and Chinese."""

from __future__ import annotations

from reportgen.i18n import MessageKind

SEAL_MISSING = MessageKind(
    "data.seal-missing",
    en="the seal picture {name} is not in {folder}: put the PNG there, beside report.yaml, "
    "or remove seal:",
    zh="印章图片 {name} 不在 {folder} 中：请把这张 PNG 图片放在 report.yaml 旁边，或删除 seal 一项",
)
SEAL_UNUSABLE = MessageKind(
    "data.seal-unusable",
    en="{name} is not a PNG picture of at most {limit} MB: save the seal as a PNG with a "
    "transparent background",
    zh="{name} 不是不超过 {limit} MB 的 PNG 图片：请把印章另存为透明底的 PNG 图片",
)
