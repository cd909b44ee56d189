import { loadProfile } from "../../adapters/profiles.ts";

export const rheinSieg = loadProfile("rhein-sieg-kreis");
export const oberhausen = loadProfile("oberhausen");
export const wesel = loadProfile("kreis-wesel");
