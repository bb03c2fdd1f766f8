"""The institution's logo is an SVG file: checked on upload so it can never run script.

SVG is XML that may carry scripts, event handlers, embedded HTML and links to other sites.
The site shows the logo only through ``<img>`` (where browsers run no script and load
nothing else), but the file is also reachable at its own address, so it is refused unless it
is plain drawing: parsed with defusedxml (no entities, no DTD), only drawing elements, no
``on*`` attribute, no reference outside the file, no ``@import`` or external ``url()``.
"""

import re
from dataclasses import dataclass

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_LOGO_BYTES = 200 * 1024
SVG_NS = "{http://www.w3.org/2000/svg}"

# Drawing elements only: no script, foreignObject, iframe, animation (which can rewrite links)
# or image (which loads another file).
ALLOWED_ELEMENTS = {
    "svg", "g", "defs", "title", "desc", "metadata", "symbol", "use", "path", "rect", "circle", "ellipse",
    "line", "polyline", "polygon", "text", "tspan", "textPath", "clipPath", "mask", "pattern",
    "linearGradient", "radialGradient", "stop", "filter", "style",
    "feGaussianBlur", "feOffset", "feBlend", "feFlood", "feComposite", "feMerge", "feMergeNode", "feColorMatrix",
}  # fmt: skip
# Editors (Inkscape, Illustrator) add their own namespaced metadata, which browsers ignore.
IGNORED_NAMESPACES = (
    "{http://www.inkscape.org/namespaces/inkscape}",
    "{http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd}",
    "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}",
    "{http://purl.org/dc/elements/1.1/}",
    "{http://creativecommons.org/ns#}",
)
URL_FUNCTION = re.compile(r"url\(([^)]*)\)", re.IGNORECASE)
LENGTH = re.compile(r"^\s*([0-9]*\.?[0-9]+)\s*(px)?\s*$")


@dataclass(frozen=True)
class SvgSize:
    """The drawing's intrinsic width and height (CSS pixels, or viewBox units)."""

    width: float
    height: float


def _loads_external(text):
    """True if CSS or an attribute value in ``text`` refers to anything but a fragment of this file."""
    lowered = text.lower()
    if "javascript:" in lowered or "@import" in lowered:
        return True
    return any(not target.strip(" \t\n'\"").startswith("#") for target in URL_FUNCTION.findall(text))


def _local_name(tag):
    return tag[len(SVG_NS) :] if tag.startswith(SVG_NS) else tag


def _size(root):
    """Width and height from the width/height attributes, else from the viewBox."""
    width, height = (LENGTH.match(root.get(name, "")) for name in ("width", "height"))
    if width and height:
        return SvgSize(float(width.group(1)), float(height.group(1)))
    parts = re.split(r"[\s,]+", root.get("viewBox", "").strip())
    if len(parts) == 4:
        try:
            _x, _y, box_width, box_height = (float(part) for part in parts)
        except ValueError:
            return None
        if box_width > 0 and box_height > 0:
            return SvgSize(box_width, box_height)
    return None


def check_svg_logo(data):
    """The size of the SVG drawing ``data`` (bytes); ValidationError, in Spanish, if it is not a safe logo."""
    if len(data) > MAX_LOGO_BYTES:
        raise ValidationError(_("El logo pesa más de 200 KB."))
    try:
        root = ElementTree.fromstring(data, forbid_dtd=True)
    except (ElementTree.ParseError, DefusedXmlException, ValueError):
        raise ValidationError(_("El archivo no es un SVG válido.")) from None
    if root.tag != f"{SVG_NS}svg":
        raise ValidationError(_("El archivo no es un SVG: su elemento raíz debe ser <svg>."))
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag.startswith(IGNORED_NAMESPACES):
            continue
        name = _local_name(element.tag)
        if not element.tag.startswith(SVG_NS) or name not in ALLOWED_ELEMENTS:
            raise ValidationError(_("El SVG contiene un elemento no permitido: <%(name)s>.") % {"name": name})
        for attribute, value in element.attrib.items():
            attribute_name = attribute.rsplit("}", 1)[-1].lower()
            if attribute_name.startswith("on"):
                raise ValidationError(
                    _("El SVG contiene un atributo de script no permitido: %(name)s.") % {"name": attribute_name}
                )
            if attribute_name == "href" and not value.strip().startswith("#"):
                raise ValidationError(_("El SVG enlaza a otro archivo o sitio, lo que no se permite."))
            if _loads_external(value):
                raise ValidationError(_("El SVG carga contenido externo, lo que no se permite."))
        if name == "style" and element.text and _loads_external(element.text):
            raise ValidationError(_("El SVG carga contenido externo, lo que no se permite."))
    size = _size(root)
    if size is None:
        raise ValidationError(_("El SVG debe declarar su tamaño (width y height, o viewBox)."))
    return size


def validate_svg_logo(field_file):
    """Model-field validator: reads the uploaded file and checks it with ``check_svg_logo``."""
    field_file.seek(0)
    data = field_file.read(MAX_LOGO_BYTES + 1)
    field_file.seek(0)
    check_svg_logo(data)
