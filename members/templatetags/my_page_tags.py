"""{% my_page_section section %}: a section another app adds to My page (members.my_page),
rendered with My page's context and the section's own."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def my_page_section(context, section):
    section_template = context.template.engine.get_template(section.template)
    with context.push(section.context):
        return section_template.render(context)
