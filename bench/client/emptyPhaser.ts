import Phaser from "phaser";

/**
 * The baseline of `npm run bench:client`: the same Phaser build, booted with an empty scene in a box the
 * size of the hall. It marks the moment its scene is up, as the client marks its first playable hall.
 */
class Empty extends Phaser.Scene {
  create(): void {
    (window as unknown as { __ready?: number }).__ready = performance.now();
  }
}

const parent = document.getElementById("hall") as HTMLElement;
new Phaser.Game({ type: Phaser.CANVAS, parent, backgroundColor: "#101a33", scale: { mode: Phaser.Scale.RESIZE, width: parent.clientWidth, height: parent.clientHeight }, banner: false, audio: { noAudio: true }, scene: new Empty() });
