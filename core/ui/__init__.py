"""What people see: the ipywidgets exercise app, gallery, history and workshop page (``widgets``), the notebook API behind ``innerwork.show()`` (``notebook``), Looking back's view (``looking_back_view``), charts as SVG (``chart_svg``) and the page to print (``printable``).

May import every layer below it; nothing below imports it.
"""
