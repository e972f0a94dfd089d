/**
 * zh-CN place names for the demo county, in the style of southern Hunan: townships 镇/乡, villages named after a
 * surname, a landform or an auspicious word plus a water/field/hill suffix (新田, 石塘, 黄冲 …), and the county
 * seat's communities named after its gates and streets.
 */
import type { Rng } from './rng.js';

export const COUNTY_NAME = 'X县';
export const COUNTY_SEAT_TOWNSHIP = '城关镇';

/** Townships 2..12 (the county seat is always 城关镇, code …001). */
export const TOWNSHIP_NAMES = [
  '白沙镇',
  '仁义乡',
  '太和镇',
  '莲塘镇',
  '龙潭镇',
  '青山乡',
  '石桥乡',
  '大坪乡',
  '长乐镇',
  '清溪乡',
  '洪塘镇',
] as const;

export const COMMUNITY_NAMES = ['东门社区', '西门社区', '南街社区', '北街社区', '建设路社区', '新华社区'] as const;

const VILLAGE_HEADS = [
  ...'新石黄高大小上下东西南北李刘陈王张何罗邓谢曹龙凤桃柳枫松竹梅杨樟荷莲清白青红金马牛鹿长和太永福仁安乐富水茶麻',
];
const VILLAGE_TAILS = [...'田塘冲坪江岭山溪湾桥洞源口头坝屋湖林坳岗铺圩垅'];

/** `count` distinct village names ('新田村', '石塘村', …), none equal to a community or township stem. */
export function villageNames(rng: Rng, count: number): string[] {
  const taken = new Set<string>();
  const out: string[] = [];
  while (out.length < count) {
    const stem = rng.pick(VILLAGE_HEADS) + rng.pick(VILLAGE_TAILS);
    if (taken.has(stem) || stem[0] === stem[1]) continue;
    taken.add(stem);
    out.push(`${stem}村`);
  }
  return out;
}

export function gridName(unitName: string, index: number): string {
  return `${unitName}第${index}网格`;
}

/** Where an ordinary camera stands, appended to township + village name ('城关镇新田村村口'). */
export const RURAL_CAMERA_SPOTS = [
  '村口',
  '村委会',
  '路口',
  '集市',
  '桥头',
  '卫生室',
  '文化广场',
  '水库',
  '渡口',
  '祠堂',
  '停车场',
  '加油站',
  '组道口',
  '老街',
] as const;

export const URBAN_CAMERA_SPOTS = [
  '人民路口',
  '解放路口',
  '建设路口',
  '步行街',
  '农贸市场',
  '小区门口',
  '公交站',
  '广场',
  '商业街',
  '汽车站',
  '滨江路',
  '菜市场',
] as const;

/** Spots where a PTZ (pan-tilt-zoom) camera is usual: wide junctions and crowds. */
export const PTZ_SPOTS = new Set<string>([
  '路口',
  '集市',
  '文化广场',
  '人民路口',
  '解放路口',
  '建设路口',
  '广场',
  '汽车站',
  '农贸市场',
]);

/** Sensitive spots: viewing them is restricted (government offices, detention, police, schools). */
export const COUNTY_SENSITIVE_SPOTS = [
  '县人民政府门口',
  '县公安局门口',
  '县看守所',
  '县人民法院门口',
  '县第一中学门口',
] as const;
export const TOWNSHIP_SENSITIVE_SPOTS = ['人民政府门口', '派出所门口', '中心学校门口'] as const;
export const VILLAGE_SENSITIVE_SPOT = '小学门口';
