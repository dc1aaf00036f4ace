"""What the cache says: why a folder is not used, and what ``reportgen cache`` shows."""

from __future__ import annotations

from reportgen.i18n import MessageKind

NOT_A_FOLDER = MessageKind(
    "cache.not-a-folder",
    en="is not a folder, so nothing is kept between runs: name a folder for the cache",
    zh="不是文件夹，运行之间不会保留任何缓存：请为缓存指定一个文件夹",
)
NOT_OWNED = MessageKind(
    "cache.not-owned",
    en="belongs to another user, so reportgen does not trust what it holds: "
    "name a folder of your own for the cache",
    zh="属于其他用户，reportgen 不使用其中的内容：请为缓存指定一个您自己的文件夹",
)
OPEN_TO_OTHERS = MessageKind(
    "cache.open-to-others",
    en="can be changed by other users, so reportgen does not trust what it holds: "
    "make it yours alone (chmod 700) or name another folder",
    zh="其他用户也能修改该文件夹，reportgen 不使用其中的内容：请改为仅本人可写（chmod 700），"
    "或指定其他文件夹",
)
NOT_OURS = MessageKind(
    "cache.not-ours",
    en="holds files that are not reportgen's cache, so reportgen keeps nothing there and "
    "removes nothing: name a new or empty folder for the cache",
    zh="该文件夹中有不属于 reportgen 缓存的文件，reportgen 不会在此存放或删除任何文件："
    "请为缓存指定一个新的或空的文件夹",
)
KEY_UNSAFE = MessageKind(
    "cache.key-unsafe",
    en="its key ({key}) is not a file of yours that only you can read: "
    "delete the cache folder, and reportgen makes a new one",
    zh="其中的密钥文件（{key}）不是仅本人可读的文件：请删除缓存文件夹，reportgen 会重新建立",
)
CANNOT_USE = MessageKind(
    "cache.cannot-use",
    en="cannot be used ({reason}), so nothing is kept between runs",
    zh="无法使用（{reason}），运行之间不会保留任何缓存",
)
CANNOT_CLEAR = MessageKind(
    "cache.cannot-clear",
    en="cannot remove the cache's entries ({reason}): check that you may change this folder",
    zh="无法删除缓存内容（{reason}）：请确认您有权修改该文件夹",
)
NOT_USED = MessageKind(
    "cache.not-used",
    en="warning: the cache is not used: {reason}",
    zh="提醒：未使用缓存：{reason}",
)
SUMMARY = MessageKind(
    "cache.summary",
    en="{root}: {templates} {templates:template|templates}, {reports} {reports:report|reports}, "
    "{drawn} {drawn:drawing|drawings} ({size} KB)",
    zh="{root}：{templates} 个模板、{reports} 份报告、{drawn} 幅图表与标题分词（{size} KB）",
)
CLEARED = MessageKind(
    "cache.cleared",
    en="{root}: {count} {count:entry|entries} removed",
    zh="{root}：已删除 {count} 项缓存",
)
OFF = MessageKind(
    "cache.off",
    en="the cache is off ({variable} is set)",
    zh="缓存已关闭（设置了 {variable}）",
)
