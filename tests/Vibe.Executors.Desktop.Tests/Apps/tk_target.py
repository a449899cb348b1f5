# A Tk window for coordinate, keyboard and image tests. Tk has no AT-SPI bridge, so the robot sees only pixels.
# Every event is appended to the file named by argv[1], one line each, flushed at once.
import sys
import tkinter as tk

out = open(sys.argv[1], "a", encoding="utf-8", buffering=1)
root = tk.Tk()
root.title("Vibe Tk target")
root.geometry("420x300+200+150")
canvas = tk.Canvas(root, width=420, height=200, bg="white", highlightthickness=0)
canvas.pack()
# A high-contrast target for image matching: nested squares and a cross, unlike anything else on screen.
canvas.create_rectangle(250, 40, 330, 120, fill="navy", outline="")
canvas.create_rectangle(265, 55, 315, 105, fill="orange", outline="")
canvas.create_line(250, 40, 330, 120, fill="white", width=3)
canvas.create_oval(282, 72, 298, 88, fill="black")
canvas.bind("<Button-1>", lambda e: out.write(f"click {e.x} {e.y}\n"))
canvas.bind("<Double-Button-1>", lambda e: out.write(f"double {e.x} {e.y}\n"))
canvas.bind("<Button-3>", lambda e: out.write(f"right {e.x} {e.y}\n"))
canvas.bind("<Button-4>", lambda e: out.write("wheel up\n"))
canvas.bind("<Button-5>", lambda e: out.write("wheel down\n"))
entry = tk.Entry(root, width=40)
entry.pack(pady=10)
entry.bind("<Return>", lambda e: out.write("text " + entry.get() + "\n"))
entry.bind("<Control-a>", lambda e: out.write("ctrl+a\n"))
root.after(50, lambda: (root.focus_force(), entry.focus_set(), out.write("ready\n")))
root.mainloop()
