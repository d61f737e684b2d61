import Phaser from "phaser";
import type { GameModel } from "../model.ts";
import { hemicycle } from "./layout.ts";
import { seatLooks, type SeatLook } from "./looks.ts";
import { seatingOrder, VOTE_COLOURS, VOTE_GLYPHS } from "./palette.ts";

interface SeatSprite {
  disc: Phaser.GameObjects.Arc;
  ring: Phaser.GameObjects.Arc;
  glyph: Phaser.GameObjects.Text;
  label: Phaser.GameObjects.Text | null;
  placard: Phaser.GameObjects.Text;
  /** The seat's angle around the hemicycle (0 at the right end, π at the left). */
  angle: number;
  last: string;
}

/** Where a seat is drawn, in the canvas's pixels: its disc and, in a small hall, its label. */
export interface DrawnSeat {
  id: string;
  x: number;
  y: number;
  r: number;
  label: { left: number; top: number; right: number; bottom: number } | null;
}

/**
 * The hall (DESIGN §10): a hemicycle of up to 193 seats coloured by group, lit by votes and placards, the
 * speaker ringed, the chair at the rostrum. It only draws what the model says; seat looks are decided in
 * looks.ts. Transitions are short tweens: a seat that changes flashes once.
 */
export class HallScene extends Phaser.Scene {
  private model: GameModel | null = null;
  private order: string[] = [];
  private readonly sprites = new Map<string, SeatSprite>();
  private rostrum!: Phaser.GameObjects.Text;
  private speaker!: Phaser.GameObjects.Text;
  private tooltip!: Phaser.GameObjects.Text;
  private pulse!: Phaser.Tweens.Tween;
  private pulseKey = "";
  onSeatClick: ((id: string) => void) | null = null;
  /** Called once the scene is ready: the page counts the hall as playable from then. */
  onReady: (() => void) | null = null;

  constructor() {
    super("hall");
  }

  create(): void {
    this.rostrum = this.add.text(0, 0, "Chair", { fontFamily: "system-ui, sans-serif", fontSize: "13px", color: "#e8ecf5", backgroundColor: "#2b3a63", padding: { x: 10, y: 4 } }).setOrigin(0.5, 0.5);
    this.speaker = this.add.text(0, 0, "", { fontFamily: "system-ui, sans-serif", fontSize: "15px", color: "#ffffff", fontStyle: "bold" }).setOrigin(0.5, 1);
    this.tooltip = this.add
      .text(0, 0, "", { fontFamily: "system-ui, sans-serif", fontSize: "13px", color: "#101624", backgroundColor: "#ffffff", padding: { x: 6, y: 3 } })
      .setDepth(10)
      .setVisible(false);
    this.scale.on("resize", () => this.relayout());
    this.pulse = this.tweens.add({ targets: [], scale: 1.25, yoyo: true, repeat: -1, duration: 600 });
    if (this.model) this.rebuild();
    this.onReady?.();
  }

  setModel(model: GameModel): void {
    const rebuild = !this.model || this.model.scenario.delegations.length !== model.scenario.delegations.length || this.model.scenario.id !== model.scenario.id;
    this.model = model;
    if (!this.sys.isActive()) return;
    if (rebuild) this.rebuild();
    else this.refresh();
  }

  private rebuild(): void {
    if (!this.model) return;
    for (const s of this.sprites.values()) {
      s.disc.destroy();
      s.ring.destroy();
      s.glyph.destroy();
      s.label?.destroy();
      s.placard.destroy();
    }
    this.sprites.clear();
    this.order = seatingOrder(this.model.scenario);
    const small = this.order.length <= 24;
    for (const id of this.order) {
      const ring = this.add.circle(0, 0, 10).setStrokeStyle(3, 0xffffff, 1).setFillStyle(0, 0);
      const disc = this.add.circle(0, 0, 10, 0x999999).setInteractive({ useHandCursor: !!this.onSeatClick });
      const glyph = this.add.text(0, 0, "", { fontFamily: "system-ui, sans-serif", fontSize: "14px", color: "#ffffff", fontStyle: "bold" }).setOrigin(0.5);
      const placard = this.add.text(0, 0, "", { fontFamily: "system-ui, sans-serif", fontSize: "12px", color: "#101624", backgroundColor: "#ffffff", padding: { x: 3, y: 1 } }).setOrigin(0.5, 1);
      const label = small ? this.add.text(0, 0, id, { fontFamily: "system-ui, sans-serif", fontSize: "12px", color: "#c9d3ea" }).setOrigin(0.5, 0.5) : null;
      disc.on("pointerover", () => this.showTooltip(id));
      disc.on("pointerout", () => this.tooltip.setVisible(false));
      disc.on("pointerdown", () => this.onSeatClick?.(id));
      this.sprites.set(id, { disc, ring, glyph, label, placard, angle: Math.PI / 2, last: "" });
    }
    this.relayout();
  }

  private relayout(): void {
    if (!this.model) return;
    const { width, height } = this.scale;
    const spots = hemicycle(this.order.length, width, height - 24);
    this.order.forEach((id, i) => {
      const spot = spots[i];
      const s = this.sprites.get(id);
      if (!spot || !s) return;
      s.disc.setPosition(spot.x, spot.y).setRadius(spot.r);
      s.ring.setPosition(spot.x, spot.y).setRadius(spot.r + 3);
      s.glyph.setPosition(spot.x, spot.y).setFontSize(Math.max(9, Math.round(spot.r * 1.1)));
      // Labels shrink with the seats (a phone's hall while a vote is open), so neighbours' do not run together.
      s.label?.setFontSize(Math.max(10, Math.min(12, Math.round(spot.r * 0.6))));
      s.angle = spot.angle;
      this.placeWords(s);
      s.last = "";
    });
    this.pulseKey = "";
    this.rostrum.setPosition(width / 2, height * 0.88 + 4);
    this.speaker.setPosition(width / 2, height * 0.88 - 14);
    this.refresh();
  }

  /**
   * The label goes on the seat's inner side, towards the rostrum, where the hemicycle is empty: under a seat
   * at the top, beside one at either end (below an end seat it would sit on its neighbour, and beside it on
   * the outside it would run off a phone's narrow canvas). The placard stands above the seat, slid inwards if
   * it would be cut by the canvas edge.
   */
  private placeWords(s: SeatSprite): void {
    const { x, y, radius: r } = s.disc;
    if (s.label) {
      const ux = -Math.cos(s.angle);
      const uy = Math.sin(s.angle);
      const d = r + 5 + (Math.abs(ux) * s.label.width) / 2 + (Math.abs(uy) * s.label.height) / 2;
      s.label.setPosition(x + ux * d, y + uy * d);
    }
    const half = s.placard.width / 2;
    s.placard.setPosition(Math.min(Math.max(x, half + 2), this.scale.width - half - 2), y - r - 2);
  }

  /** Where every seat is drawn now (the e2e tests check that nothing covers or cuts them). */
  drawnSeats(): DrawnSeat[] {
    return this.order.flatMap((id) => {
      const s = this.sprites.get(id);
      if (!s) return [];
      const b = s.label?.getBounds();
      return [{ id, x: s.disc.x, y: s.disc.y, r: s.disc.radius, label: b ? { left: b.left, top: b.top, right: b.right, bottom: b.bottom } : null }];
    });
  }

  private refresh(): void {
    if (!this.model) return;
    const looks = seatLooks(this.model);
    const pulsing: Phaser.GameObjects.Arc[] = [];
    for (const [id, s] of this.sprites) {
      const look = looks.get(id);
      if (!look) continue;
      const key = JSON.stringify(look);
      if (key !== s.last) {
        const changed = s.last !== "";
        s.last = key;
        this.paint(s, look);
        if (changed) this.tweens.add({ targets: [s.disc, s.glyph], scale: { from: 1.45, to: 1 }, duration: 260, ease: "Back.Out" });
      }
      if (look.speaking) pulsing.push(s.ring);
    }
    // The speaker's ring pulses; the tween is rebuilt only when the speaker changes, not on every ballot.
    const pulseKey = pulsing.map((r) => r.x).join();
    if (pulseKey !== this.pulseKey) {
      this.pulseKey = pulseKey;
      this.pulse.remove();
      for (const s of this.sprites.values()) s.ring.setScale(1);
      this.pulse = this.tweens.add({ targets: pulsing, scale: 1.3, yoyo: true, repeat: -1, duration: 650 });
    }
    const v = this.model.view;
    const holder = v.floor.holder;
    this.speaker.setText(holder ? `${this.model.scenario.delegations.find((d) => d.id === holder)?.name ?? holder} has the floor` : "");
    this.rostrum.setText(v.suspended ? "Chair · meeting suspended" : v.phase === "closed" ? "Chair · conference closed" : "Chair");
  }

  private paint(s: SeatSprite, look: SeatLook): void {
    const voteColour = look.vote && look.vote !== "cast" ? VOTE_COLOURS[look.vote] : null;
    s.disc.setFillStyle(voteColour ?? look.colour, look.present ? 1 : 0.15).setAlpha(look.inRoom ? 1 : 0.35);
    s.disc.setStrokeStyle(look.vote === "cast" ? 3 : 0, 0xffffff, 1);
    s.glyph.setText(look.vote && look.vote !== "cast" ? VOTE_GLYPHS[look.vote] : look.signature === "signed" ? "✍" : look.signature === "declined" ? "∅" : "");
    s.glyph.setColor(look.vote === "abstain" ? "#101624" : "#ffffff");
    const ringColour = look.me ? 0xffffff : look.speaking ? 0xffd166 : look.objecting ? 0xd55e00 : look.people ? 0x9fb3d9 : 0;
    s.ring.setStrokeStyle(look.me || look.speaking ? 4 : 2, ringColour, ringColour === 0 ? 0 : 1);
    s.placard.setText(look.placard === "for" ? "▲ for" : look.placard === "against" ? "▼ against" : "").setVisible(look.placard !== null);
    s.label?.setColor(look.me ? "#ffffff" : "#c9d3ea").setText(look.me ? `${look.id} (you)` : look.id);
    this.placeWords(s);
  }

  private showTooltip(id: string): void {
    const look = this.model ? seatLooks(this.model).get(id) : undefined;
    const s = this.sprites.get(id);
    if (!look || !s) return;
    const who = this.model?.seats[id]?.holders.join(", ");
    const lines = [look.name, who ? `played by ${who}` : this.model?.seats[id]?.control === "bot" ? "played by a bot" : "", !look.inRoom && look.present ? "walked out" : "", look.objecting ? "objects" : ""].filter(Boolean);
    this.tooltip.setText(lines.join("\n"));
    // To the right of the seat, or to its left when that would run off the canvas.
    const right = s.disc.x + s.disc.radius + 6;
    const x = right + this.tooltip.width > this.scale.width ? s.disc.x - s.disc.radius - 6 - this.tooltip.width : right;
    this.tooltip.setPosition(Math.max(0, x), Math.max(0, s.disc.y - 10)).setVisible(true);
  }
}

/** Starts Phaser in `parent` with the hall scene; resolves once the scene is up. */
export function startHall(parent: HTMLElement): Promise<{ scene: HallScene; game: Phaser.Game }> {
  return new Promise((resolve) => {
    const scene = new HallScene();
    const game = new Phaser.Game({
      // Canvas, not WebGL: the hall is discs and text, which Canvas 2D draws well (GPU-accelerated where there
      // is a GPU), while WebGL on a machine without one (software rendering) took 217 ms a frame for 193 seats
      // against 17 ms with Canvas (npm run bench:client).
      type: Phaser.CANVAS,
      parent,
      backgroundColor: "#101a33",
      scale: { mode: Phaser.Scale.RESIZE, width: parent.clientWidth || 800, height: parent.clientHeight || 450 },
      banner: false,
      audio: { noAudio: true },
      scene,
    });
    // Phaser looks at its parent's size only now and then; the box changes size as the tally comes and goes
    // and as a vote opens, so the hall is told at once, and drawn at once: a resized canvas is blank (black,
    // it is opaque) until the next frame, and the browser would paint that frame.
    const watch = new ResizeObserver(() => {
      if (!game.isRunning || !game.scale.getParentBounds()) return;
      game.scale.refresh();
      game.step(game.loop.now, 0);
    });
    watch.observe(parent);
    game.events.once(Phaser.Core.Events.DESTROY, () => watch.disconnect());
    scene.onReady = () => resolve({ scene, game });
  });
}
