import type { FacilitatorModuleId } from '../../../shared/facilitators.js';
import { trainingCatalogue, type TrainingModuleContent } from '../training/training.js';
import { FACILITATOR_TRAINING_ES } from './facilitators.training.es.js';

/**
 * The facilitator training, kept on the server so the right answers never reach a browser.
 * Written in English (below) and translated into Spanish (facilitators.training.es.ts) with the
 * same module, question and option ids and the same right answers; the mechanism is the
 * listener training's (../training/training.ts). The crisis module follows the safe-messaging
 * rules: it names no methods and no means.
 */
export type FacilitatorModuleContent = TrainingModuleContent<FacilitatorModuleId>;

/** The training in English: the original every translation follows. */
export const FACILITATOR_TRAINING: readonly FacilitatorModuleContent[] = [
  {
    id: 'meeting_format',
    title: 'How a meeting runs',
    paragraphs: [
      'A Kindred meeting follows a simple, familiar shape, so everyone knows what comes next: gathering, welcome, reading the guidelines, check-in, discussion, and close. The agenda stays pinned in the room, and you move the highlight along as you go.',
      'Gathering: the room opens ten minutes before the start. Say hello to people as they arrive, and let the quiet ones settle in without pressure. Welcome: start on time, say who you are, and remind everyone that this is a peer-support group.',
      'Reading the guidelines: read them aloud, or ask someone to, every time. It reminds everyone how the room works, and it makes it easier to come back to them gently later.',
      'Check-in: each person who wants to says briefly how they are, in a sentence or two. Passing is always fine. Discussion: members raise a hand to share, and you give the floor in turn. Close: a few minutes before the end, invite a last word from anyone who wants one, thank everyone, and end the meeting.',
      'A live group works best at about twelve people, so everyone has room to speak. If the room is full, the waitlist moves on its own when someone cancels.',
      'You are a peer, not a therapist. You do not diagnose, treat or give medical advice. Your job is to hold the format, keep the room safe and kind, and make sure everyone who wants to speak gets a turn. You can share your own experience too, in the same way as anyone else.',
    ],
    questions: [
      {
        id: 'q1',
        prompt: 'What comes straight after the welcome?',
        options: [
          { id: 'a', text: 'The discussion.' },
          { id: 'b', text: 'Reading the guidelines.' },
          { id: 'c', text: 'The close.' },
        ],
        correct: 'b',
        hint: 'Have another look at the order of the meeting at the top of the page.',
      },
      {
        id: 'q2',
        prompt: 'During check-in, a member says they would rather not speak today. What do you do?',
        options: [
          { id: 'a', text: 'Thank them and move on; passing is always fine.' },
          { id: 'b', text: 'Ask them again until they say something.' },
          { id: 'c', text: 'Ask the group to wait in silence until they are ready.' },
        ],
        correct: 'a',
        hint: 'Have another look at the part about check-in.',
      },
      {
        id: 'q3',
        prompt: 'About how many people does a live group work best with?',
        options: [
          { id: 'a', text: 'Three or four.' },
          { id: 'b', text: 'About twelve.' },
          { id: 'c', text: 'As many as want to come.' },
        ],
        correct: 'b',
        hint: 'Have another look at the part about the size of a live group.',
      },
      {
        id: 'q4',
        prompt: 'A member asks you whether they should change their medication. What is your role?',
        options: [
          { id: 'a', text: 'Give your best advice, since you are leading the group.' },
          { id: 'b', text: 'You are a peer, not a therapist: kindly say it is a question for their doctor, and keep the group going.' },
          { id: 'c', text: 'Ask the group to vote on it.' },
        ],
        correct: 'b',
        hint: 'Have another look at the part about being a peer.',
      },
    ],
  },
  {
    id: 'safe_and_kind',
    title: 'Keeping the room safe and kind',
    paragraphs: [
      'The guidelines are what make a room feel safe: share the air, speak in “I” statements about your own experience, listen without fixing, no details of methods of self-harm or suicide, and what is said in the meeting stays in the meeting.',
      'The share queue keeps turns fair. Members raise a hand, and you give the floor to one person at a time, usually in the order hands went up. You can set a gentle timer for each share so that everyone gets a turn. While someone speaks, others can send short, supportive reactions without interrupting.',
      'When someone drifts from the guidelines, start with the kindest step: a friendly reminder to the whole room, then a quiet word with the person. If it continues, you can mute one person, or everyone for a moment, and you can remove someone who keeps making the room unsafe. A moderator can follow up afterwards.',
      'You can lock the room once the meeting has started, if late arrivals would break the flow or someone unwelcome keeps coming back. People who are locked out can still join the next meeting.',
      'What is said in a meeting stays there. The room’s messages are deleted when the meeting ends, and members are told so when they come in. Never copy, quote or talk about what someone shared outside the meeting, not even to praise it.',
      'Look after yourself too. If a meeting was heavy, take a break afterwards, and talk to the moderators if something stays with you.',
    ],
    questions: [
      {
        id: 'q1',
        prompt: 'Two members keep talking over a quieter one. What is a good first step?',
        options: [
          { id: 'a', text: 'Remove both of them from the room.' },
          { id: 'b', text: 'A friendly reminder to the whole room about sharing the air, and give the floor through the share queue.' },
          { id: 'c', text: 'Say nothing; it will sort itself out.' },
        ],
        correct: 'b',
        hint: 'Have another look at the part about starting with the kindest step.',
      },
      {
        id: 'q2',
        prompt: 'What can other members do while someone has the floor?',
        options: [
          { id: 'a', text: 'Send short, supportive reactions.' },
          { id: 'b', text: 'Start their own share at the same time.' },
          { id: 'c', text: 'Nothing at all; they have to wait silently.' },
        ],
        correct: 'a',
        hint: 'Have another look at the part about the share queue.',
      },
      {
        id: 'q3',
        prompt: 'A member shared something moving. Afterwards, a friend asks you about the meeting. What do you say?',
        options: [
          { id: 'a', text: 'Tell the story without the member’s name.' },
          { id: 'b', text: 'Nothing about what anyone shared: what is said in the meeting stays there.' },
          { id: 'c', text: 'Share a screenshot so they can see how good the meeting was.' },
        ],
        correct: 'b',
        hint: 'Have another look at the part about what stays in the meeting.',
      },
    ],
  },
  {
    id: 'crisis_handoff',
    title: 'When someone is in crisis',
    paragraphs: [
      'Sometimes a member is in more pain than a group can hold. Signs of risk include talking about wanting to die or not wanting to be here, feeling like a burden, saying goodbye, or sounding hopeless and cut off. Kindred also checks every message and shows you a risk alert for your room at once.',
      'Take it seriously and stay calm. You do not need to solve it, and you should not handle it alone or in front of the whole room. Acknowledge the person kindly, and hand them on to someone who can give them one-to-one time.',
      'Hand the member to a listener: this opens a support request with priority, so a trained listener can talk with them privately. If you are worried about someone’s safety or the room itself, hand it to a moderator as well. You can do both without leaving the room, and the meeting can carry on.',
      'Always share the crisis lines: they are one tap away in the room. If someone may be in danger right now, urge them to contact emergency services or someone near them.',
      'Follow safe messaging. Never ask about or allow details of methods or places; gently stop that part of the conversation and remind the room of the guideline. Use words like “died by suicide”, never “committed”. Do not promise that everything will be fine; listen, take them seriously and point to help.',
      'Afterwards, take a moment for yourself. A moderator can talk it through with you.',
    ],
    questions: [
      {
        id: 'q1',
        prompt: 'A member says they feel like a burden and that everyone would be better off without them. What do you do?',
        options: [
          { id: 'a', text: 'Move the discussion on quickly so the group is not upset.' },
          { id: 'b', text: 'Acknowledge them kindly, hand them to a listener, and share the crisis lines.' },
          { id: 'c', text: 'Ask the group for advice on how to cheer them up.' },
        ],
        correct: 'b',
        hint: 'Have another look at the parts about signs of risk and handing a member on.',
      },
      {
        id: 'q2',
        prompt: 'What happens when you hand a member to a listener?',
        options: [
          { id: 'a', text: 'The meeting has to end.' },
          { id: 'b', text: 'A support request opens with priority, so a listener can talk with them one to one.' },
          { id: 'c', text: 'The member is removed from Kindred.' },
        ],
        correct: 'b',
        hint: 'Have another look at the part about handing a member to a listener.',
      },
      {
        id: 'q3',
        prompt: 'Someone in the room starts describing how they might hurt themselves. What do you do?',
        options: [
          { id: 'a', text: 'Let them finish, so they feel heard.' },
          { id: 'b', text: 'Ask questions so you understand the details.' },
          { id: 'c', text: 'Gently stop that part, remind the room of the guideline, and hand them on for one-to-one support.' },
        ],
        correct: 'c',
        hint: 'Have another look at the part about safe messaging.',
      },
      {
        id: 'q4',
        prompt: 'A member may be in danger right now. What should they be urged to do?',
        options: [
          { id: 'a', text: 'Contact emergency services or someone near them.' },
          { id: 'b', text: 'Wait until the meeting ends.' },
          { id: 'c', text: 'Send you their phone number.' },
        ],
        correct: 'a',
        hint: 'Have another look at the part about the crisis lines.',
      },
    ],
  },
];

const catalogue = trainingCatalogue<FacilitatorModuleId>(FACILITATOR_TRAINING, { es: FACILITATOR_TRAINING_ES });

/** The whole facilitator training in `language`, or in English when it has not been translated into it. */
export const facilitatorTrainingFor = catalogue.trainingFor;

/** One facilitator module in `language` (English when not translated), with the language it is in. */
export const facilitatorModule = catalogue.trainingModule;
