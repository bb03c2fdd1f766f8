"""Demo content owned by the base app: short addresses people type or read aloud.

``/contacto/``, ``/fichas/``, ``/programa/`` and ``/denuncias/`` lead to their sections through
Wagtail's redirects (``wagtail.contrib.redirects``), which editors manage under *Configuración →
Redirecciones*. Each redirect points at the page itself, not at its address, so it follows the
page when it is moved or renamed. A redirect only answers where no page does, so a real page at
one of these addresses always wins. Runs after the area apps (see ``load_demo_content``).
"""

from wagtail.contrib.redirects.models import Redirect

from contacto.models import CanalDenunciasPage, ContactoPage
from fichas.models import FichasIndexPage
from programa_gobierno.models import ProgramaIndexPage

# Short address -> the type of the (Spanish) page it leads to.
SHORT_ADDRESSES = {
    "/contacto": ContactoPage,
    "/fichas": FichasIndexPage,
    "/programa": ProgramaIndexPage,
    "/denuncias": CanalDenunciasPage,
}


def load(home):
    """Create the missing short-address redirects; existing ones (and editors' changes) stay as they are."""
    for short, model in SHORT_ADDRESSES.items():
        old_path = Redirect.normalise_path(short)
        page = model.objects.descendant_of(home).live().first()
        if page is not None and not Redirect.objects.filter(old_path=old_path).exists():
            Redirect.objects.create(old_path=old_path, redirect_page=page, is_permanent=True)
