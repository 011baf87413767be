"""What a procedure page shows a resident on a phone, decided once (issue 15).

The page answers, in this order: how long, how much, can I file online, and
where to go (the first screen); then what to bring, each channel's own facts,
the steps and the rest. Templates only loop and escape; the choices (which
channels share a value, which link files online, which counter and phone a
procedure uses) are made here, where tests can reach them.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.load.fieldtypes import fill_url_template
from generator.load.model import Content
from generator.load.schema import CHANNELS, Channel, Procedure, Unit
from generator.render import views

# Short channel names for the first screen (the blocks below use the full ones).
_SHORT_CHANNELS = {"truc_tiep": "Trực tiếp", "truc_tuyen": "Trực tuyến",
                   "buu_chinh": "Bưu chính"}
ONLINE_LEVELS_FILED_ONLINE = ("toan_trinh", "mot_phan")
# The first screen must hold name, facts and the main action at 360 × 740 px: a value
# longer than this is cut at a word ("…"); the channel blocks below give it in full.
# The limits per value where channels differ: (two values, three or more), with a short
# name and with a long one (which takes three lines or more of the screen).
FIRST_SCREEN_LIMIT = 110
FIRST_SCREEN_LIMITS_PER_CHANNEL = {True: (80, 65), False: (65, 45)}
SHORT_NAME = 80


@dataclass(frozen=True)
class ChannelValue:
    """One value of a fact and the channels it holds for (None: every channel)."""

    channels: str | None
    value: str  # as the first screen shows it, perhaps cut
    full: str

    @property
    def cut(self) -> bool:
        return self.value != self.full


def _grouped(procedure: Procedure, attr: str) -> list[ChannelValue]:
    """The fact ``attr`` of every channel; channels that agree share one line."""
    values: dict[str, list[str]] = {}
    for channel in procedure.cach_thuc:
        value = getattr(channel, attr) or views.PENDING
        values.setdefault(value, []).append(_SHORT_CHANNELS[channel.kenh])
    if not values:
        return [ChannelValue(None, views.PENDING, views.PENDING)]
    if len(values) == 1:
        value = next(iter(values))
        return [ChannelValue(None, views.shorten(value, FIRST_SCREEN_LIMIT), value)]
    two, more = FIRST_SCREEN_LIMITS_PER_CHANNEL[len(procedure.ten) <= SHORT_NAME]
    limit = two if len(values) == 2 else more
    return [ChannelValue(", ".join([labels[0], *(x.lower() for x in labels[1:])]),
                         views.shorten(value, limit), value)
            for value, labels in values.items()]


def name_class(name: str) -> str:
    """A smaller heading for a long legal name, so the facts still fit the first screen."""
    if len(name) > 150:
        return "cchc-name--longer"
    return "cchc-name--long" if len(name) > SHORT_NAME else ""


def time_limits(procedure: Procedure) -> list[ChannelValue]:
    return _grouped(procedure, "thoi_han")


def fees(procedure: Procedure) -> list[ChannelValue]:
    return _grouped(procedure, "phi_le_phi")


def online_link(unit: Unit, procedure: Procedure) -> str | None:
    """Where this procedure is filed online: its own link, else the commune's address
    template filled with its code, else the portal; none when it cannot be filed
    online or is no longer in force."""
    if not procedure.in_force:
        return None
    if procedure.link_nop_truc_tuyen:
        return procedure.link_nop_truc_tuyen
    online = procedure.muc_do in ONLINE_LEVELS_FILED_ONLINE or any(
        c.kenh == "truc_tuyen" for c in procedure.cach_thuc)
    if not online or procedure.muc_do == "khong":
        return None
    if unit.mau_link_nop_truc_tuyen:
        return fill_url_template(unit.mau_link_nop_truc_tuyen, procedure.ma_thu_tuc)
    return unit.link_dich_vu_cong


@dataclass(frozen=True)
class Phone:
    text: str
    href: str


@dataclass(frozen=True)
class Counter:
    """Where and when to file in person, and whom to call."""

    place: str
    address: str | None
    hours: str | None
    phones: list[Phone]


def counter(unit: Unit, default_place: str, procedure: Procedure) -> Counter:
    """don-vi.yml's counter, hours and phone, each overridable by the procedure."""
    own_place = procedure.noi_tiep_nhan
    phones = procedure.dien_thoai or unit.dien_thoai
    return Counter(
        place=own_place or default_place,
        # The commune's address belongs to its own counter, not to another office.
        address=None if own_place else unit.dia_chi,
        hours=procedure.gio_lam_viec or unit.gio_lam_viec,
        phones=[Phone(n, views.tel_href(n)) for n in phones],
    )


@dataclass(frozen=True)
class DocumentItem:
    name: str
    copies: str  # "1 bản chính, 2 bản sao" ("" when no count is given)
    form: views.FileLink | None

    @property
    def form_label(self) -> str:
        """The download button's text: what it does, the file's type and size."""
        if self.form is None:
            return ""
        if self.form.label == "liên kết ngoài":
            return "Mở mẫu (trang ngoài)"
        return f"Tải mẫu ({self.form.label})"


def copies_text(originals: int | None, copies: int | None) -> str:
    """ "1 bản chính, 2 bản sao"; a count of 0 or none is left out."""
    parts = [f"{n} {kind}" for n, kind in ((originals, "bản chính"), (copies, "bản sao")) if n]
    return ", ".join(parts)


def documents(procedure: Procedure, content: Content,
              source_dir: str | None = None) -> list[DocumentItem]:
    """The documents to bring; a form's ``mau`` is read from content/ or from the
    procedure file's folder ``source_dir``, as ``cchc check`` reads it."""
    return [DocumentItem(d.ten, copies_text(d.ban_chinh, d.ban_sao),
                         views.file_link(d.mau, content, "thu-tuc", source_dir)
                         if d.mau else None)
            for d in procedure.thanh_phan_ho_so]


@dataclass(frozen=True)
class ChannelBlock:
    """One channel's facts, stacked: a phone shows them one under another."""

    label: str
    time_limit: str
    fee: str
    channel: Channel


def channel_blocks(procedure: Procedure) -> list[ChannelBlock]:
    return [ChannelBlock(CHANNELS[c.kenh], c.thoi_han or views.PENDING,
                         c.phi_le_phi or views.PENDING, c)
            for c in procedure.cach_thuc]
