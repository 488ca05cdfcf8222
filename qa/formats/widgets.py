"""A web page's widgets: the buttons, counts and prompts a site or a social platform prints around an article.

One list for every reader. The HTML reader drops them where the page's markup shows them around the article
(``qa.formats.html``); a page printed to PDF by a browser keeps them as lines of text at its top and foot, where the
PDF reader drops a line made of nothing else (``qa.formats.pdf.edge_rows``).
"""

from __future__ import annotations

import re

# What a social platform prints around an article (WeChat, Weibo, Toutiao, Zhihu pages saved from a browser):
# counts and buttons ('阅读 3.2万', '赞 256', '在看 88', '阅读原文', '分享', '收藏'), the follow prompt ('微信扫一扫',
# '关注该公众号', '长按识别二维码'), the comment box's labels ('精选留言', '写留言'). A line of nothing else (not a
# table row: '100 | 200' is data) is furniture.
ENGAGEMENT_WORDS = (
    r"阅读原文|阅读全文|阅读量?|浏览量?|点赞|赞赏|赞|在看|分享|收藏|转发|喜欢|点击|精选留言|写留言|留言|评论|"
    r"微信扫一扫|扫一扫|扫码|长按|识别|二维码|关注该公众号|关注我们|关注|该公众号|公众号|举报|投诉|返回顶部"
)
ENGAGEMENT = re.compile(rf"{ENGAGEMENT_WORDS}|\d[\d.,]*\s*[万千wWkK]?\+?|[\s:：|·•/、，,]")
ENGAGEMENT_WORD = re.compile(ENGAGEMENT_WORDS)
MAX_FURNITURE = 40  # characters: a longer line says something

# A site's page buttons under or over an article (Chinese government and news sites): '【打印本页】【关闭窗口】',
# '字体：【大 中 小】'. A button named in full ('打印本页', '返回顶部') says what it is with or without its brackets;
# a short one ('打印', '大', '分享') is a word of text unless bracketed.
_FULL_BUTTONS = ("打印本页", "关闭窗口", "关闭本页", "返回顶部", "收藏本页", "加入收藏", "我要纠错")
_SHORT_BUTTONS = ("打印", "关闭", "返回", "收藏", "分享到", "分享", "纠错", "大", "中", "小", "默认")
_FONT_SIZE_LABEL = r"字[体号]\s*[:：]?\s*"
BUTTON_WORDS = "|".join(_FULL_BUTTONS + _SHORT_BUTTONS)
BUTTONS = re.compile(
    rf"(?:{_FONT_SIZE_LABEL})?(?:[【\[［]\s*(?:(?:{BUTTON_WORDS})\s*)+[】\]］][\s|/]*)+", re.IGNORECASE
)
# The same buttons as a printed page shows them without their brackets: '打印本页 关闭窗口', '字号：大 中 小'.
_BARE_BUTTONS = re.compile(rf"(?:{_FONT_SIZE_LABEL}大\s*中\s*小|{'|'.join(_FULL_BUTTONS)})[\s|/·•]*")
# A share bar: '分享到：微信 微博 QQ空间'. The platforms' names count only after its label: '微信：13800138000' on a
# contact page is text.
_SHARE_BAR = re.compile(
    r"分享到\s*[:：]?[\s|/·•、]*(?:(?:微信好友|微信|朋友圈|新浪微博|腾讯微博|微博|QQ空间|QQ好友|QQ|豆瓣|人人网|今日头条|"
    r"复制链接|facebook|twitter|linkedin|x)[\s|/·•、]*)*",
    re.IGNORECASE,
)


# A site's tool bar over its pages (Chinese government sites since the 2020 accessibility and elderly-care rules):
# '无障碍 | 长者模式 | 繁體 | English', '简体 繁体 手机版 登录 注册' — switches of the site, no words of a page.
SITE_TOOL_WORDS = (
    r"无障碍(?:浏览|阅读|模式)?|长者模式|关怀版|关怀模式|适老化|老年模式|读屏|繁體|繁体|简体|繁|简|English|EN|中文|英文版?|"
    r"手机版|移动版|网站地图|设为首页|加入收藏|登录|注册|个人登录|法人登录|智能问答|RSS"
)
_SITE_TOOLS = re.compile(rf"(?:(?:{SITE_TOOL_WORDS})[\s|/·•、丨]*)+", re.IGNORECASE)
# A breadcrumb written as text, not links: '当前位置：首页 > 政务公开 > 政策文件', 'You are here: Home > News'.
_TEXT_TRAIL = re.compile(
    r"(?:当前位置|您的位置|你的位置|您现在的位置|你现在的位置|您当前的位置|所在位置|当前页面|位置|you are here)"
    r"\s*[:：]\s*"
    r"[^>›»→＞\n]{1,20}(?:\s*[>›»→＞]\s*[^>›»→＞\n]{1,40})+",
    re.IGNORECASE,
)


def site_bar_line(text: str) -> bool:
    """A line of a site's tool bar ('无障碍 | 长者模式 | 繁體 | English', two or more of its switches) or a breadcrumb
    written as text after its label ('当前位置：首页 > 政务公开 > 政策文件'). A page's chrome where it opens or closes
    the page's text; asked only there (a '位置：' line inside an article is an address)."""
    text = text.strip()
    if not text or len(text) > MAX_FURNITURE * 2:
        return False
    if _TEXT_TRAIL.fullmatch(text):
        return True
    return bool(_SITE_TOOLS.fullmatch(text)) and len(re.findall(SITE_TOOL_WORDS, text, re.IGNORECASE)) >= 2


def engagement_line(text: str) -> bool:
    """A line of nothing but the platform's buttons and counts, with at least one of its words: a date
    ('2024.01.15') or a figure ('1,250,000') ending a page is text, and so is '微信：13800138000' on a contact page."""
    return len(text) <= MAX_FURNITURE and not ENGAGEMENT.sub("", text) and bool(ENGAGEMENT_WORD.search(text))


def site_buttons(text: str) -> bool:
    """A page-button line: '【打印本页】【关闭窗口】', '字体：【大 中 小】'."""
    return bool(BUTTONS.fullmatch(text.strip()))


def widget_line(text: str) -> bool:
    """A printed line of nothing but a page's widgets: its buttons with or without brackets, a share bar, the
    platform's buttons and counts ('【打印本页】【关闭窗口】 返回顶部', '分享到：微信 微博 QQ空间', '字号：大 中 小').
    """
    text = text.strip()
    if not text or len(text) > MAX_FURNITURE:
        return False
    rest = _SHARE_BAR.sub("", _BARE_BUTTONS.sub("", BUTTONS.sub("", text))).strip()
    return not rest or (rest != text and not ENGAGEMENT.sub("", rest)) or engagement_line(rest)


def printed_widget_line(text: str) -> bool:
    """A line at a printed page's top or foot that is a page's widgets (``widget_line``) — but not one of the
    platform's words alone ('评论', '关注', '收藏'): a newspaper page, a report's section or a column may be named so,
    and only a browser's print of a social page sets such a word by itself. A count ('阅读 3.2万'), two words ('点赞
    在看') or a page button ('返回顶部', '【打印本页】') is a widget line."""
    if not widget_line(text):
        return False
    stripped = text.strip()
    if BUTTONS.sub("", stripped) != stripped or _BARE_BUTTONS.sub("", stripped) != stripped:
        return True
    if _SHARE_BAR.sub("", stripped) != stripped or re.search(r"\d", stripped):
        return True
    return len(ENGAGEMENT_WORD.findall(stripped)) >= 2


def without_trailing_buttons(text: str) -> str:
    """``text`` without page buttons ending it: '发布时间：2026-01-12 来源：… 字体：【大 中 小】' keeps its date and
    source. A line that is nothing but buttons is returned as it is (``widget_line`` says so)."""
    for match in BUTTONS.finditer(text):
        if match.end() == len(text.rstrip()) and match.start() > 0:
            return text[: match.start()].rstrip()
    return text
