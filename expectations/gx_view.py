"""GX's Data Docs page view with one Jinja environment per process.

GX makes a new Jinja environment for every page it renders, so every page compiles every
template again: half of a document's Data Docs time. Sharing one environment keeps the compiled
templates; workers forked after the first build inherit them. Named in the site's
configuration (docs.py), GX's own extension point for views."""

from great_expectations.render.view import DefaultJinjaPageView


class SharedTemplatesPageView(DefaultJinjaPageView):
    _shared = None  # the first view's environment, with its compiled templates

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if SharedTemplatesPageView._shared is None:
            SharedTemplatesPageView._shared = self.env
        self.env = SharedTemplatesPageView._shared


def warm() -> None:
    """Compile every template now, in this process, so the workers it forks start with them."""
    env = SharedTemplatesPageView().env
    for name in env.list_templates(filter_func=lambda name: name.endswith(".j2")):
        env.get_template(name)
