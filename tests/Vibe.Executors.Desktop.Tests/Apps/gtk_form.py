# A GTK 3 form for element tests: entry, check box, combo box and a Submit button that is disabled until the
# entry has text. Submit writes the form's state to the file named by argv[1]; Later sets the status after 1.5 s.
import sys
import gi

gi.require_version("Gtk", "3.0")
from gi.repository import GLib, Gtk

out_path = sys.argv[1]
window = Gtk.Window(title="Vibe GTK form")
window.set_default_size(360, 220)
box = Gtk.Box(orientation=Gtk.Orientation.VERTICAL, spacing=6, margin=12)
window.add(box)

entry = Gtk.Entry()
entry.get_accessible().set_name("Customer")
entry.get_accessible().set_accessible_id("customer")
box.pack_start(entry, False, False, 0)

check = Gtk.CheckButton(label="Send invoice")
box.pack_start(check, False, False, 0)

combo = Gtk.ComboBoxText()
for colour in ("Red", "Green", "Blue"):
    combo.append_text(colour)
combo.set_active(0)
combo.get_accessible().set_name("Colour")
box.pack_start(combo, False, False, 0)

status = Gtk.Label(label="waiting")
status.get_accessible().set_accessible_id("status")
box.pack_start(status, False, False, 0)

submit = Gtk.Button(label="Submit")
submit.set_sensitive(False)
box.pack_start(submit, False, False, 0)

entry.connect("changed", lambda e: submit.set_sensitive(len(e.get_text()) > 0))


def on_submit(_):
    with open(out_path, "w", encoding="utf-8") as out:
        out.write(f"{entry.get_text()}|{check.get_active()}|{combo.get_active_text()}\n")
    status.set_text("submitted")


submit.connect("clicked", on_submit)

# A label with a typographic apostrophe, as translators write it.
dont = Gtk.Button(label="Don\u2019t Save")
box.pack_start(dont, False, False, 0)
dont.connect("clicked", lambda _: status.set_text("not saved"))

# "Later" changes the status only after a while, as a slow application does: checks must wait for it.
later = Gtk.Button(label="Later")
box.pack_start(later, False, False, 0)
later.connect("clicked", lambda _: GLib.timeout_add(1500, lambda: status.set_text("done later") and False))
window.connect("destroy", Gtk.main_quit)
window.show_all()
Gtk.main()
