import { loadProfile, loadProfiles } from "../../adapters/profiles.ts";

export const rheinSieg = loadProfile("rhein-sieg-kreis");
export const oberhausen = loadProfile("oberhausen");
export const wesel = loadProfile("kreis-wesel");

/** Every shipped profile, as a face loads them at start and hands them to the services. */
export const profiles = loadProfiles();
