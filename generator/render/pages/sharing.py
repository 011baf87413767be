"""What the theme needs for sharing tags: the picture, the commune's name, the image alt."""

from __future__ import annotations

from generator.render import share_image as picture
from generator.render import views
from generator.render.context import SECTION_TITLE, RenderContext

IMAGE = "assets/images/chia-se.png"


def share_image(ctx: RenderContext) -> None:
    """Draw the ``og:image`` for this commune and tell the theme where it is."""
    ctx.files[IMAGE] = picture.render(ctx.unit.ten, ctx.unit.tinh)
    ctx.theme["unit_name"] = ctx.unit.ten
    ctx.theme["short_name"] = views.short_unit_name(ctx.unit)  # the header's title
    ctx.theme["share_image"] = {
        "path": IMAGE, "width": picture.WIDTH, "height": picture.HEIGHT,
        "alt": f"{SECTION_TITLE} – {ctx.unit.ten}",
    }
