import { describe, expect, it } from 'vitest';
import type { RiskCategory, RiskLevel } from './types.js';
import { engine } from './index.js';

// Made-up texts. Each trap comes with a control that shows the same words DO fire without
// the trap, so every test fails if the rule it names stops working.
type Case = [text: string, level: RiskLevel, categories?: RiskCategory[]];

function check(cases: Case[]) {
  for (const [text, level, categories] of cases) {
    const a = engine.assess(text);
    expect(a.level, text).toBe(level);
    if (categories) expect([...a.categories].sort(), text).toEqual([...categories].sort());
  }
}

describe('the risk engine: levels', () => {
  it('tells distress, ideation, plan and imminent apart, in English and Spanish', () => {
    check([
      ['I feel worthless and hopeless today', 'distress', []],
      ['Me siento vacía, no sirvo para nada', 'distress', []],
      ['I want to die', 'ideation', ['suicidal']],
      ['Quiero morirme', 'ideation', ['suicidal']],
      ['I have been saving up my pills for weeks', 'plan', ['suicidal']],
      ['Estoy juntando pastillas desde hace semanas', 'plan', ['suicidal']],
      ['I just swallowed all of my sleeping pills', 'imminent', ['suicidal']],
      ['Me acabo de tomar todas las pastillas', 'imminent', ['suicidal']],
      ['Had a calm day, made soup and called my sister', 'none', []],
    ]);
  });

  it('treats self-harm behaviour as plan and self-harm urges as ideation', () => {
    check([
      ['I cut myself again last night', 'plan', ['self_harm']],
      ['I really want to cut myself tonight', 'ideation', ['self_harm']],
      ['Me corté los brazos anoche', 'plan', ['self_harm']],
      ['Tengo ganas de cortarme', 'ideation', ['self_harm']],
    ]);
  });

  it('holds method details', () => {
    check([
      ['How many paracetamol would it take to not wake up?', 'plan', ['suicidal', 'method_detail']],
      ['¿Cuál es la forma más rápida de morir sin dolor?', 'plan', ['suicidal', 'method_detail']],
    ]);
  });

  it('makes an intention imminent when its time is now, and a goodbye imminent beside distress', () => {
    check([
      ["I'm going to kill myself", 'plan'],
      ["I'm going to kill myself tonight", 'imminent'],
      ['Me voy a matar', 'plan'],
      ['Esta noche me voy a matar', 'imminent'],
      ['Goodbye everyone, see you after my holiday!', 'none'],
      ["Goodbye everyone. I can't do this anymore.", 'imminent', ['suicidal', 'farewell']],
      ['Adiós a todos, nos vemos a la vuelta de las vacaciones', 'none'],
      ['Adiós a todos, ya no puedo más.', 'imminent', ['suicidal', 'farewell']],
      ['By the time you read this I will be gone', 'imminent', ['suicidal', 'farewell']],
      ['Cuando lean esto ya no estaré', 'imminent', ['suicidal', 'farewell']],
    ]);
  });

  it('combines means with words that use them, a time that is now, or a goodbye', () => {
    check([
      // Means alone are medicine or rope; with words that use them, a plan; with "now", imminent.
      ['The tablets are on my nightstand', 'none'],
      ['The tablets are on my nightstand and I will swallow every last one', 'plan'],
      ['The tablets are on my nightstand and I will swallow every last one tonight', 'imminent'],
      ['Mis pastillas están en la mesa', 'none'],
      ['Mis pastillas están en la mesa y me las voy a tomar todas', 'plan'],
      ['Mis pastillas están en la mesa y ahora me las tomo todas', 'imminent'],
      ['My tablets are on the nightstand, I take them all with breakfast like the doctor said', 'none'],
      ["The tablets are on my nightstand and I won't swallow every last one, I promise", 'none'],
      ['Mis pastillas están en la mesa y no me las voy a tomar todas', 'none'],
      // A goodbye beside means is imminent; a goodbye beside a place, or with a return to come, is not.
      ['Farewell friends, my meds are all here with me', 'imminent', ['suicidal', 'farewell']],
      ['Farewell friends, off to the bridge to paint the river', 'none'],
      ['Bye all, love you all, see you on monday', 'none'],
      ['Chao amigos, mis pastillas están todas aquí conmigo', 'imminent', ['suicidal', 'farewell']],
      ['Chao amigos, los quiero mucho, nos vemos el jueves', 'none'],
      // A deed with the means already done is not cancelled by words that sound like medicine.
      ['Just swallowed them all, getting drowsy and sleepy, wanted to say goodbye', 'imminent'],
      ['Took my evening meds, getting sleepy, night all', 'none'],
    ]);
  });

  it('counts an everyday apology only beside means already taken, a plan, or a goodbye of its own', () => {
    check([
      // "sorry for everything" / "perdón por todo" alone, or beside distress or means not yet taken, is ordinary.
      ['So sorry for everything, I was grumpy all week', 'none'],
      ['I feel so alone, sorry for everything lately', 'distress'],
      ['My tablets are on the shelf, sorry for everything guys', 'none'],
      ['The box is empty now. Forgive me mum', 'imminent', ['suicidal', 'farewell']],
      ['The box is empty now, sorry mum, I will buy more tea', 'none'],
      ['Perdónenme todos, ya no van a tener que preocuparse por mí', 'imminent', ['suicidal', 'farewell']],
      ['Perdónenme todos por la demora, nos vemos el jueves', 'none'],
      // Saying one will not be around counts beside a second goodbye or distress, not alone.
      ["Nobody will have to put up with me anymore, I'm changing teams at work", 'none'],
      ['I hate myself. Nobody will have to put up with me anymore', 'imminent', ['suicidal', 'farewell']],
    ]);
  });

  it('combines signs of preparation that name no method: ready, a day, a decision, affairs, a last gift', () => {
    check([
      ['I have everything I need, just choosing the date', 'plan', ['suicidal']],
      ['I have everything I need for the party, just choosing the date', 'none'],
      ['I have made my decision', 'none'],
      ['I have made my decision. The night my flatmates are out', 'plan', ['suicidal']],
      ['Handed my rabbit to my aunt', 'none'],
      ['Handed my rabbit to my aunt, she will take better care of her than I could', 'plan', ['suicidal']],
      ['Tengo todos mis papeles en orden', 'none'],
      ['Tengo todos mis papeles en orden y una carta para cada uno', 'plan', ['suicidal']],
      ['Esta vez no voy a fallar', 'none'],
      ['Esta vez no voy a fallar, ya sé cuál duele menos', 'plan', ['suicidal']],
    ]);
  });

  it('sees an overdose taken on purpose as happening now, and an accident as nothing', () => {
    check([
      ['Took three times my dose on purpose', 'imminent', ['suicidal']],
      ['Took three times my dose by mistake, the pharmacist says I am fine', 'none'],
      ['Me tomé el doble de la dosis a propósito', 'imminent', ['suicidal']],
      ['Me tomé el doble de la dosis sin querer', 'none'],
    ]);
  });

  it('knows Spanish intent and farewells without the word suicide', () => {
    check([
      ['Mañana me voy a quitar la vida', 'plan'],
      ['Ahora mismo me voy a quitar la vida', 'imminent'],
      ['Me quiero quitar la vida', 'ideation'],
      ['No me voy a quitar la vida, tengo a mis hijos', 'none'],
      ['Hace años quise quitarme la vida, hoy estoy bien', 'none'],
      ['Vengo a despedirme, esta es mi despedida', 'imminent', ['suicidal', 'farewell']],
      ['Esta es mi despedida de soltera, los quiero a todas', 'none'],
    ]);
  });

  it('sees preparation and comparisons that wish the writer dead', () => {
    check([
      ["I've been handing my things away to people I love", 'plan'],
      ['Handing out old jumpers to my neighbours before the move', 'none'],
      ['I know exactly when I will do it', 'plan'],
      ["I know exactly how I'd spend a free Saturday", 'none'],
      ['My parents would be relieved if I were gone', 'ideation', ['suicidal']],
      ['Mis hijos estarían más tranquilos si yo no existiera', 'ideation', ['suicidal']],
      ['My sister says her kids would be happier if she was gone', 'none', ['concern_for_other']],
      ['The engine was idling in the shut garage with me in the car', 'imminent'],
      ['Left the car idling in the driveway while I ran in for my keys', 'none'],
    ]);
  });
});

describe('the risk engine: traps', () => {
  it('negation', () => {
    check([
      ["I'm not suicidal, just tired", 'none'],
      ['I am suicidal, just tired', 'ideation'],
      ["I don't want to die, I want things to change", 'none'],
      ['No quiero morir, quiero que deje de doler', 'none'],
      ['Nunca me haría daño', 'none'],
      // "can't stop" keeps the risk; "don't want to live" is risk in itself.
      ["I can't stop thinking about killing myself", 'ideation'],
      ["I don't want to live anymore", 'ideation'],
      ['No puedo dejar de pensar en suicidarme', 'ideation'],
    ]);
  });

  it('past and recovery', () => {
    check([
      ['I used to want to die, but therapy helped and I am doing well', 'none'],
      ['Years ago I tried to kill myself, and today I celebrate being here', 'none'],
      ["I'm 100 days clean from self harm today!", 'none'],
      ['Antes pensaba en suicidarme, pero eso quedó atrás', 'none'],
      ['Hace años intenté quitarme la vida. Hoy estoy bien.', 'none'],
      // The past does not cover what is happening again.
      ['I used to self harm, but yesterday I cut myself again', 'plan'],
      ['I used to love music, now I want to die', 'ideation'],
    ]);
  });

  it('third parties are concern for others, and the writer stays low', () => {
    check([
      ['My friend says she wants to die. How do I help her?', 'none', ['concern_for_other']],
      ['My brother is suicidal and I am scared for him', 'none', ['concern_for_other']],
      ['Mi amiga dice que quiere suicidarse', 'none', ['concern_for_other']],
      ['Mi hija se corta y no sé qué hacer', 'none', ['concern_for_other']],
      // Someone else in the sentence, but the words are about the writer.
      ["My mom doesn't know I want to die", 'ideation', ['suicidal']],
      ['Mi familia no sabe que quiero morir', 'ideation', ['suicidal']],
    ]);
  });

  it('questions about the topic', () => {
    check([
      ['How do I support someone who wants to die?', 'none', ['concern_for_other']],
      ['¿Cómo ayudo a alguien que no quiere vivir?', 'none', ['concern_for_other']],
      ['What is the number of the suicide prevention line?', 'none', []],
      ['¿Cuál es el número de la línea de prevención del suicidio?', 'none', []],
      ['If you are feeling suicidal, please call a crisis line', 'none', []],
    ]);
  });

  it('idioms', () => {
    check([
      ['This exam is killing me', 'none'],
      ["I'm dying to see the new film", 'none'],
      ['That cake was to die for', 'none'],
      ['Me muero de risa con este video', 'none'],
      ['Me quiero morir de la vergüenza jaja', 'none'],
      ['Me mato estudiando toda la semana', 'none'],
      ['Ya no aguanto más el calor', 'none'],
      ['Ya no aguanto más esta tristeza', 'distress'],
      ['Me quiero morir', 'ideation'],
    ]);
  });

  it('quotation and reported speech', () => {
    check([
      ['In the book she says "I want to die" and then finds help', 'none'],
      ['En el libro escribe "quiero morir" y luego pide ayuda', 'none'],
      ['Someone told me to kill myself years ago', 'none', []],
      ['Me dijo que me matara y bloqueé su cuenta', 'none', []],
      // The writer's own words in quotes still count.
      ['I keep thinking "I want to die"', 'ideation'],
    ]);
  });

  it('misspellings and algospeak', () => {
    check([
      ['i wanna kms', 'ideation'],
      ['thinking about unaliving myself', 'ideation'],
      ['sewerslide is all I think about', 'ideation'],
      ['thinking about ctb again', 'ideation'],
      ['i just want to self delete', 'ideation'],
      ['feeling really sui tonight', 'ideation'],
      ['im sucidal again', 'ideation'],
      ['kiero morirme', 'ideation'],
      // A joke marker makes "kms" a joke; kilometres are not a risk.
      ['forgot my keys again kms lol', 'none'],
      ['corrí 5 kms hoy', 'none'],
    ]);
  });

  it('stretched letters, leetspeak, accents and emoji', () => {
    check([
      ['i want to diiiie', 'ideation'],
      ['im sooooo done with everything', 'distress'],
      ['i want to k1ll myself', 'ideation'],
      ['su1c1dal again', 'ideation'],
      ['Quiero matarme', 'ideation'],
      ['Quiero mátarme', 'ideation'],
      ['ya no aguanto mas', 'distress'],
      ['ya no aguanto más', 'distress'],
      ['Mátate', 'none', ['harassment']],
      ['matate', 'none', ['harassment']],
      ['wanna 🔫 myself', 'plan'],
      ['I feel so hopeless 💊💊', 'ideation'],
      ['💊 time, then breakfast', 'none'],
    ]);
  });

  it('means matter only in context', () => {
    check([
      ['The pills my doctor gave me are working', 'none'],
      ['Las pastillas que me recetó el médico funcionan', 'none'],
      ['The bridge near my house is lovely at sunset', 'none'],
      ['I bought a skipping rope for the gym', 'none'],
      ['I want to die and I keep looking at my pills', 'plan'],
      ['Quiero morir y tengo mis pastillas guardadas', 'plan'],
      ['I feel hopeless. I keep thinking about the bridge', 'ideation'],
    ]);
  });

  it('harassment goes to moderation and leaves the writer at none', () => {
    check([
      ['kys', 'none', ['harassment']],
      ['go kill yourself', 'none', ['harassment']],
      ['Do everyone a favour and jump off a bridge', 'none', ['harassment']],
      ['Ojalá te mueras', 'none', ['harassment']],
      ['Deberías suicidarte', 'none', ['harassment']],
      ["Please don't kill yourself, we are here", 'none', []],
      ['No te mates, por favor', 'none', []],
    ]);
  });
});

describe('the risk engine: its answer', () => {
  it('points at the words that fired, in the original text', () => {
    const text = 'Hoy… 😢 ya no QUIERO VIVÍR más';
    const a = engine.assess(text);
    expect(a.level).toBe('ideation');
    const m = a.matches.find((x) => x.rule === 'es.ideation.no_quiero_vivir')!;
    expect(text.slice(m.start, m.end)).toBe(m.phrase);
    expect(m.phrase).toBe('ya no QUIERO VIVÍR más');
  });

  it('says why a phrase did not count', () => {
    const d = engine.assessDetailed("I'm not suicidal");
    expect(d.suppressed).toEqual([expect.objectContaining({ rule: 'en.ideation.suicidal', reason: 'negated' })]);
  });

  it('detects English and Spanish, and respects a language it is given', () => {
    expect(engine.assess('I feel a bit better today').language).toBe('en');
    expect(engine.assess('Hoy me siento un poco mejor').language).toBe('es');
    expect(engine.assess('ok', { language: 'es-MX' }).language).toBe('es');
  });

  it('assesses mixed-language texts with both lexicons', () => {
    expect(engine.assess('I am so tired, ya no quiero vivir', { language: 'en' }).level).toBe('ideation');
  });

  it('orders scores with levels and gives harassment and concern their own weight', () => {
    const score = (t: string) => engine.assess(t).score;
    expect(score('Nice day')).toBe(0);
    expect(score('I feel hopeless')).toBeLessThan(score('I want to die'));
    expect(score('I want to die')).toBeLessThan(score("I've been saving up my pills"));
    expect(score("I've been saving up my pills")).toBeLessThan(score('I just took all my pills'));
    expect(score('kys')).toBeGreaterThan(0);
    expect(score('My friend says she wants to die')).toBeGreaterThan(0);
  });

  it('copes with empty, huge and odd input', () => {
    expect(engine.assess('').level).toBe('none');
    expect(engine.assess('!!!???...').level).toBe('none');
    expect(engine.assess('calm '.repeat(20_000) + 'I want to die').level).toBe('ideation');
  });

  it('stays quick on a long text full of findings (no work grows with findings times words)', () => {
    const started = performance.now();
    const a = engine.assess('kys '.repeat(5_000) + 'i want to die. '.repeat(1_000));
    expect(a.categories).toContain('harassment');
    expect(a.level).toBe('ideation');
    // Generous: about 20 ms on a quiet machine; a quadratic step made this take seconds.
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
